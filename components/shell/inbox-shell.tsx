import { type DehydratedState, HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { OutageBanner } from "@/components/alerts/outage-banner";
import { ChatSidebar } from "@/components/inbox/chat-sidebar";
import { type CurrentUser, CurrentUserProvider } from "@/components/shell/current-user";
import { HeaderActions } from "@/components/shell/header-actions";
import { InboxColumns } from "@/components/shell/inbox-columns";
import { InboxRuntime } from "@/components/shell/inbox-runtime";
import { serverTranslator } from "@/lib/i18n/server";

/**
 * The signed-in frame: a header with the user, the chat list on the left, the thread on the right
 * (one at a time on a phone, see InboxColumns).
 */
export async function InboxShell({
  user,
  seed,
  children,
}: {
  user: CurrentUser;
  /**
   * Queries read with the page (see app/(inbox)/inbox-seed.ts): they fill an empty cache before
   * anything below renders; later (router.refresh) they replace only older data.
   */
  seed: DehydratedState;
  children: ReactNode;
}) {
  const t = await serverTranslator("shell");
  const common = await serverTranslator("common");
  const admin = await serverTranslator("admin");
  const navLink = "rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";
  const header = (
    <header className="flex h-12 shrink-0 items-center justify-between gap-3 border-slate-200 border-b pr-1 pl-4 md:pr-4 dark:border-slate-800">
      <span className="truncate font-semibold">{common("appName")}</span>
      <HeaderActions>
        <span className="hidden text-slate-600 lg:inline dark:text-slate-300" title={user.email}>
          {t("signedInAs", { name: user.name })} · {user.role === "admin" ? t("roleAdmin") : t("roleAgent")}
        </span>
        {user.role === "admin" && (
          <Link prefetch={false} href="/admin/staff" className={navLink}>
            {admin("navAdmin")}
          </Link>
        )}
        <Link prefetch={false} href="/profile" className={navLink}>
          {admin("navProfile")}
        </Link>
      </HeaderActions>
    </header>
  );
  return (
    <CurrentUserProvider user={user}>
      <HydrationBoundary state={seed}>
        <InboxColumns
          header={
            <>
              {header}
              {user.role === "admin" && <OutageBanner />}
            </>
          }
          list={<ChatSidebar />}
          listLabel={t("chatsHeading")}
        >
          {children}
        </InboxColumns>
        <InboxRuntime />
      </HydrationBoundary>
    </CurrentUserProvider>
  );
}
