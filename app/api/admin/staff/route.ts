import { inviteStaff } from "@/lib/admin/staff/invite-staff";
import { listStaff } from "@/lib/admin/staff/list-staff";
import { ZInviteStaffRequest } from "@/lib/admin/staff/staff.types";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession({ role: "admin" }, () => listStaff(db()));

/** Invites a person: `{ member, link }`, the one-time link shown this once. */
export const POST = withSession(
  { role: "admin", body: ZInviteStaffRequest, maxBodyBytes: 4096 },
  ({ session, body, request }) => inviteStaff(db(), { admin: session, headers: request.headers, invite: body }),
);
