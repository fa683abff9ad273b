"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import { useChatFilters } from "@/components/inbox/use-chat-filters";
import { useCameFromList } from "@/components/shell/inbox-columns";
import { withFilters } from "@/lib/queries/chat-filters";

/**
 * The way back to the chat list on a phone. Coming from the list it is the browser's back (the
 * list is as the agent left it: filters, search, scroll position); opened from elsewhere (a
 * shared link, a lookup) it goes to the list with this chat's filters.
 */
export function BackToList({ className = "" }: { className?: string }) {
  const t = useTranslations("thread");
  const router = useRouter();
  const [filters] = useChatFilters();
  const cameFromList = useCameFromList();
  return (
    <Link
      href={withFilters("/", filters)}
      aria-label={t("backToChats")}
      onClick={(event) => {
        if (!cameFromList()) return;
        event.preventDefault();
        router.back();
      }}
      className={`inline-flex size-11 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 focus-visible:-outline-offset-2 dark:text-slate-200 dark:hover:bg-slate-800 ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
        <path d="M12.7 4.3a1 1 0 0 1 0 1.4L8.4 10l4.3 4.3a1 1 0 0 1-1.4 1.4l-5-5a1 1 0 0 1 0-1.4l5-5a1 1 0 0 1 1.4 0" />
      </svg>
    </Link>
  );
}
