import { AuditLog } from "@/components/admin/audit-log";
import { listStaff } from "@/lib/admin/staff/list-staff";
import { AUDIT_ACTIONS } from "@/lib/audit/record";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** `?chat=<id>` opens the log of one chat (the thread header links here for admins). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ chat?: string | string[] }> }) {
  const { chat } = await searchParams;
  const chatFilter = typeof chat === "string" && /^\d{1,10}$/.test(chat) ? chat : "";
  return (
    <AuditLog
      staff={await listStaff(db())}
      actions={AUDIT_ACTIONS}
      initial={{ user: "", action: "", chat: chatFilter, from: "", to: "" }}
    />
  );
}
