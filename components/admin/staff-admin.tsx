"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { CopyLink } from "@/components/admin/copy-link";
import { errorText } from "@/components/admin/error-text";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Select } from "@/components/ui/input";
import type { StaffLinkIssued, StaffMember, StaffRoleName, UpdateStaffRequest } from "@/lib/admin/staff/staff.types";
import { useInviteStaff, useStaff, useUpdateStaff } from "@/lib/queries/staff";

type ShownLink = { link: StaffLinkIssued; name: string };

function InviteForm({ onLink }: { onLink: (shown: ShownLink) => void }) {
  const t = useTranslations("admin");
  const invite = useInviteStaff();
  const [role, setRole] = useState<StaffRoleName>("agent");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      { name: String(data.get("name") ?? ""), email: String(data.get("email") ?? ""), role },
      {
        onSuccess: ({ member, link }) => {
          onLink({ link, name: member.name });
          form.reset();
        },
        onError: (error) => toast.error(errorText(error, t)),
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="font-semibold">{t("inviteTitle")}</h2>
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <label className="space-y-1 text-sm">
          <span>{t("staffName")}</span>
          <Input name="name" required maxLength={100} autoComplete="off" />
        </label>
        <label className="space-y-1 text-sm">
          <span>{t("staffEmail")}</span>
          <Input name="email" type="email" required maxLength={254} autoComplete="off" />
        </label>
        <label className="space-y-1 text-sm">
          <span>{t("staffRole")}</span>
          <Select value={role} onChange={(event) => setRole(event.target.value as StaffRoleName)}>
            <option value="agent">{t("roleAgent")}</option>
            <option value="admin">{t("roleAdmin")}</option>
          </Select>
        </label>
      </div>
      <p className="text-slate-600 text-sm dark:text-slate-300">{t("inviteHint")}</p>
      <Button type="submit" disabled={invite.isPending}>
        {t("inviteSubmit")}
      </Button>
    </form>
  );
}

function StaffRow({ person, me, onLink }: { person: StaffMember; me: string; onLink: (shown: ShownLink) => void }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const update = useUpdateStaff();
  const change = (body: UpdateStaffRequest) =>
    update.mutate(
      { userId: person.id, change: body },
      {
        onSuccess: ({ link, member }) => {
          if (link) onLink({ link, name: member.name });
          else toast.success(t("saved"));
        },
        onError: (error) => toast.error(errorText(error, t)),
      },
    );
  const status = { active: t("statusActive"), invited: t("statusInvited"), deactivated: t("statusDeactivated") }[
    person.status
  ];
  return (
    <tr data-testid={`staff-${person.email}`} className="border-slate-200 border-t align-middle dark:border-slate-800">
      <td className="py-2 pr-3">
        {person.name}
        {person.email === me && <span className="ml-1 text-slate-500">({t("you")})</span>}
      </td>
      <td className="py-2 pr-3">{person.email}</td>
      <td className="py-2 pr-3">
        <Select
          className="px-2 py-1"
          aria-label={t("changeRoleLabel", { name: person.name })}
          value={person.role}
          disabled={update.isPending || person.status === "deactivated"}
          onChange={(event) => change({ role: event.target.value as StaffRoleName })}
        >
          <option value="agent">{t("roleAgent")}</option>
          <option value="admin">{t("roleAdmin")}</option>
        </Select>
      </td>
      <td className="py-2 pr-3" data-testid="staff-status">
        {status}
      </td>
      <td className="py-2 pr-3">
        {person.lastSignInAt
          ? format.dateTime(new Date(person.lastSignInAt), { dateStyle: "medium", timeStyle: "short" })
          : t("never")}
      </td>
      <td className="flex flex-wrap gap-1.5 py-2">
        {person.status === "deactivated" ? (
          <Button size="sm" variant="secondary" disabled={update.isPending} onClick={() => change({ active: true })}>
            {t("reactivate")}
          </Button>
        ) : (
          <>
            <Button
              size="sm"
              variant="secondary"
              disabled={update.isPending}
              onClick={() =>
                window.confirm(t("confirmReset", { name: person.name })) && change({ resetPassword: true })
              }
            >
              {t("resetPassword")}
            </Button>
            {person.email !== me && (
              <Button
                size="sm"
                variant="danger"
                disabled={update.isPending}
                onClick={() =>
                  window.confirm(t("confirmDeactivate", { name: person.name })) && change({ active: false })
                }
              >
                {t("deactivate")}
              </Button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

/** The team, with invitations, roles, (de)activation and password resets. */
export function StaffAdmin({ me }: { me: string }) {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  const staff = useStaff();
  const [shown, setShown] = useState<ShownLink | null>(null);
  return (
    <div className="space-y-6">
      <h1 className="font-semibold text-xl">{t("staffTitle")}</h1>
      <InviteForm onLink={setShown} />
      {shown && <CopyLink link={shown.link} name={shown.name} />}
      {staff.isError ? (
        <ErrorState title={common("somethingWentWrong")} error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600 dark:text-slate-300">
              <tr>
                <th className="py-2 pr-3 font-medium">{t("staffName")}</th>
                <th className="py-2 pr-3 font-medium">{t("staffEmail")}</th>
                <th className="py-2 pr-3 font-medium">{t("staffRole")}</th>
                <th className="py-2 pr-3 font-medium">{t("staffStatus")}</th>
                <th className="py-2 pr-3 font-medium">{t("staffLastSignIn")}</th>
                <th className="py-2 font-medium">{t("staffActions")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data?.map((person) => (
                <StaffRow key={person.id} person={person} me={me} onLink={setShown} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
