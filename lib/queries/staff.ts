import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  InviteStaffRequest,
  StaffLinkIssued,
  StaffMember,
  UpdateStaffRequest,
} from "@/lib/admin/staff/staff.types";
import { apiGet, apiPatch, apiPost } from "@/lib/queries/api";
import { adminStaffKeys, staffKeys } from "@/lib/queries/keys";

/** The admin's list, and everyone's assignee list, which shows names and who is active. */
const refresh = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: adminStaffKeys.all }),
    queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  ]);

export type StaffChange = { member: StaffMember; link?: StaffLinkIssued };

export function useStaff() {
  return useQuery({
    queryKey: adminStaffKeys.all,
    queryFn: ({ signal }) => apiGet<StaffMember[]>("/api/admin/staff", signal),
  });
}

export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invite: InviteStaffRequest) => apiPost<Required<StaffChange>>("/api/admin/staff", invite),
    onSettled: () => refresh(queryClient),
  });
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: UpdateStaffRequest }) =>
      apiPatch<StaffChange>(`/api/admin/staff/${encodeURIComponent(userId)}`, change),
    onSuccess: ({ member }) =>
      queryClient.setQueryData<StaffMember[]>(adminStaffKeys.all, (team) =>
        team?.map((person) => (person.id === member.id ? member : person)),
      ),
    onSettled: () => refresh(queryClient),
  });
}
