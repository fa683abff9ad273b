import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AdminFrame } from "@/components/admin/admin-nav";
import { ProfileForm } from "@/components/admin/profile-form";
import { getStaffSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ProfilePage() {
  const session = await getStaffSession(await headers());
  if (!session) redirect("/login?next=/profile");
  return (
    <AdminFrame isAdmin={session.role === "admin"}>
      <ProfileForm name={session.name} email={session.email} />
    </AdminFrame>
  );
}
