"use client";

import { useCallback } from "react";
import { ChatFilterBar } from "@/components/inbox/chat-filter-bar";
import { ChatList } from "@/components/inbox/chat-list";
import { ChatSearch } from "@/components/inbox/chat-search";
import { ChatViewTabs } from "@/components/inbox/chat-view-tabs";
import { ConnectionAlerts } from "@/components/inbox/connection-health";
import { useChatFilters } from "@/components/inbox/use-chat-filters";

/** The left column: search, filters, provider problems and the chat list, all driven by the URL. */
export function ChatSidebar() {
  const [filters, setFilters] = useChatFilters();
  const search = useCallback((q: string) => setFilters({ q }), [setFilters]);
  return (
    <>
      <div className="space-y-2 border-slate-200 border-b p-3 dark:border-slate-800">
        <ChatViewTabs filters={filters} onChange={setFilters} />
        <ChatSearch value={filters.q} onChange={search} />
        <ChatFilterBar filters={filters} onChange={setFilters} />
      </div>
      <ConnectionAlerts />
      <ChatList filters={filters} />
    </>
  );
}
