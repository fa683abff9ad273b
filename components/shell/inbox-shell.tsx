import type { ReactNode } from "react";
import { ChatListPlaceholder } from "@/components/shell/chat-list-placeholder";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { serverTranslator } from "@/lib/i18n/server";

type ShellUser = { name: string; email: string; role: "admin" | "agent" };

/** The signed-in frame: a header with the user, the chat list on the left, the thread on the right. */
export async function InboxShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const t = await serverTranslator("shell");
  const common = await serverTranslator("common");
  return (
    <div className="flex h-full flex-col">
      <header className="flex h-12 shrink-0 items-center justify-between border-slate-200 border-b px-4 dark:border-slate-800">
        <span className="font-semibold">{common("appName")}</span>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-slate-600 sm:inline dark:text-slate-300" title={user.email}>
            {t("signedInAs", { name: user.name })} · {user.role === "admin" ? t("roleAdmin") : t("roleAgent")}
          </span>
          <SignOutButton label={t("signOut")} />
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <aside
          aria-label={t("chatsHeading")}
          className="flex w-80 shrink-0 flex-col border-slate-200 border-r md:w-96 dark:border-slate-800"
        >
          <ChatListPlaceholder />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
