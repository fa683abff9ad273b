import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { InboxShell } from "@/components/shell/inbox-shell";
import { getStaffSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  const session = await getStaffSession(await headers());
  if (!session) redirect("/login");
  return <InboxShell user={{ name: session.name, email: session.email, role: session.role }}>{children}</InboxShell>;
}
