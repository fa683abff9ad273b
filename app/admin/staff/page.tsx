import { headers } from "next/headers";
import { StaffAdmin } from "@/components/admin/staff-admin";
import { requireSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function StaffPage() {
  const session = await requireSession(await headers());
  return <StaffAdmin me={session.email} />;
}
