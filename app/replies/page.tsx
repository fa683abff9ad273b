import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AdminFrame } from "@/components/admin/admin-nav";
import { SavedReplies } from "@/components/admin/saved-replies";
import { getStaffSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Everyone's own saved replies, and the team's (changed by admins only). */
export default async function SavedRepliesPage() {
  const session = await getStaffSession(await headers());
  if (!session) redirect("/login?next=/replies");
  const isAdmin = session.role === "admin";
  return (
    <AdminFrame isAdmin={isAdmin}>
      <SavedReplies isAdmin={isAdmin} />
    </AdminFrame>
  );
}
