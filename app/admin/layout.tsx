import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminFrame } from "@/components/admin/admin-nav";
import { getStaffSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Admins only: a visitor without a session signs in first; an agent gets the 403 page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getStaffSession(await headers());
  if (!session) redirect("/login?next=/admin/staff");
  if (session.role !== "admin") forbidden();
  return <AdminFrame isAdmin>{children}</AdminFrame>;
}
