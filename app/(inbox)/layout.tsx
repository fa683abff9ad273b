import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { inboxSeed } from "@/app/(inbox)/inbox-seed";
import { InboxShell } from "@/components/shell/inbox-shell";
import { getStaffSession } from "@/lib/auth/session";
import { PAGE_SEARCH_HEADER } from "@/lib/queries/chat-filters";

export const dynamic = "force-dynamic";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const session = await getStaffSession(requestHeaders);
  if (!session) redirect("/login");
  const seed = await inboxSeed(requestHeaders.get(PAGE_SEARCH_HEADER) ?? "", session.userId);
  return (
    <InboxShell user={{ id: session.userId, name: session.name, email: session.email, role: session.role }} seed={seed}>
      {children}
    </InboxShell>
  );
}
