import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AdminFrame } from "@/components/admin/admin-nav";
import { ReportsView } from "@/components/reports/reports-view";
import { getStaffSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Team reports for every signed-in staff member; the API decides what an agent may see. */
export default async function ReportsPage() {
  const session = await getStaffSession(await headers());
  if (!session) redirect("/login?next=/reports");
  return (
    <AdminFrame isAdmin={session.role === "admin"}>
      <ReportsView isAdmin={session.role === "admin"} userId={session.userId} />
    </AdminFrame>
  );
}
