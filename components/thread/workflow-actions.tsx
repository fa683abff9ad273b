"use client";

import { useId, useMemo, useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { useCurrentUser } from "@/components/shell/current-user";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { MenuAction } from "@/components/ui/menu";
import { useHotkeys } from "@/components/ui/use-hotkeys";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { StaffMember } from "@/lib/assignment/staff";
import type { ChatDetail } from "@/lib/chats/get-chat";
import { useStaff } from "@/lib/queries/views";
import { useAssignChat, useSetChatStatus } from "@/lib/queries/workflow";
import type { SetStatusRequest } from "@/lib/workflow/set-status.types";
import { SNOOZE_PRESETS } from "@/lib/workflow/snooze-time";

export type WorkflowDialog = "assign" | "snooze";

/**
 * Who owns the chat and where it stands in the team's flow, as header actions: "Assign to me"
 * (also the `a` key), "Assign…" (a teammate from a searchable list), "Unassign", and Reopen,
 * "Snooze…" (pending until a preset) or Resolve, each offered only when it changes something.
 */
export function useWorkflowActions(chat: ChatDetail, openDialog: (dialog: WorkflowDialog) => void): MenuAction[] {
  const t = useTranslations("thread");
  const me = useCurrentUser();
  const assign = useAssignChat(chat.id);
  const setStatus = useSetChatStatus(chat.id);
  const assignTo = (assigneeId: string | null) =>
    assign.mutate(assigneeId, { onError: (error) => toast.error(t("assignFailed"), { description: error.message }) });
  const statusFailed = (error: Error) => toast.error(t("statusFailed"), { description: error.message });
  const mine = chat.assigneeId === me.id;
  useHotkeys({ a: mine ? undefined : () => assignTo(me.id) });

  return [
    ...(mine ? [] : [{ key: "assign-me", label: t("assignToMe"), onSelect: () => assignTo(me.id), keyShortcut: "a" }]),
    { key: "assign", label: t("assignTo"), onSelect: () => openDialog("assign") },
    ...(chat.assigneeId ? [{ key: "unassign", label: t("unassign"), onSelect: () => assignTo(null) }] : []),
    ...(chat.inboxStatus === "open"
      ? []
      : [
          {
            key: "reopen",
            label: t("reopen"),
            onSelect: () => setStatus.mutate({ status: "open" }, { onError: statusFailed }),
          },
        ]),
    { key: "snooze", label: t("snooze"), onSelect: () => openDialog("snooze") },
    ...(chat.inboxStatus === "resolved"
      ? []
      : [
          {
            key: "resolve",
            label: t("resolve"),
            onSelect: () => setStatus.mutate({ status: "resolved" }, { onError: statusFailed }),
          },
        ]),
  ];
}

/** A teammate chosen from the staff list, narrowed by name or email as the agent types. */
export function AssignDialog({ chat, open, onClose }: { chat: ChatDetail; open: boolean; onClose: () => void }) {
  const t = useTranslations("thread");
  const staff = useStaff();
  const assign = useAssignChat(chat.id);
  const [search, setSearch] = useState("");
  const matches = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (staff.data ?? []).filter(
      (member) =>
        needle === "" ||
        member.name.toLocaleLowerCase().includes(needle) ||
        member.email.toLocaleLowerCase().includes(needle),
    );
  }, [staff.data, search]);
  const choose = (member: StaffMember | null) => {
    onClose();
    setSearch("");
    assign.mutate(member?.id ?? null, {
      onError: (error) => toast.error(t("assignFailed"), { description: error.message }),
    });
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("assignTitle")}>
      <Input
        type="search"
        aria-label={t("searchTeammates")}
        placeholder={t("searchTeammates")}
        value={search}
        maxLength={100}
        onChange={(event) => setSearch(event.target.value)}
      />
      {staff.isError && <p className="mt-2 text-red-700 text-sm dark:text-red-400">{t("staffFailed")}</p>}
      <ul className="mt-2 max-h-64 overflow-y-auto" aria-label={t("teammates")}>
        {matches.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              aria-current={member.id === chat.assigneeId ? "true" : undefined}
              className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 aria-[current]:font-semibold dark:hover:bg-slate-800"
              onClick={() => choose(member)}
            >
              {member.name || member.email}
              <span className="ml-2 text-slate-600 text-xs dark:text-slate-400">{member.email}</span>
            </button>
          </li>
        ))}
        {staff.isSuccess && matches.length === 0 && (
          <li className="px-2 py-1.5 text-slate-600 text-sm dark:text-slate-400">{t("noTeammates")}</li>
        )}
      </ul>
      {chat.assigneeId && (
        <div className="mt-3 flex justify-end">
          <Button variant="secondary" onClick={() => choose(null)}>
            {t("unassign")}
          </Button>
        </div>
      )}
    </Dialog>
  );
}

/** "2026-12-04T18:30" for a datetime-local field, in the browser's time zone. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * Pending until a preset time (computed by the server in the agent's own time zone) or a time the
 * agent picks.
 */
export function SnoozeDialog({ chatId, open, onClose }: { chatId: number; open: boolean; onClose: () => void }) {
  const t = useTranslations("thread");
  const setStatus = useSetChatStatus(chatId);
  const customId = useId();
  const [custom, setCustom] = useState(() => localInputValue(new Date(Date.now() + 3 * 60 * 60_000)));
  const snooze = (request: SetStatusRequest) => {
    onClose();
    setStatus.mutate(request, {
      onError: (error) => toast.error(t("statusFailed"), { description: error.message }),
    });
  };
  return (
    <Dialog open={open} onClose={onClose} title={t("snoozeTitle")}>
      <div className="flex flex-col gap-2">
        {SNOOZE_PRESETS.map((preset) => (
          <Button
            key={preset}
            variant="secondary"
            onClick={() =>
              snooze({
                status: "pending",
                snooze: { preset, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
              })
            }
          >
            {t(`snoozePresets.${preset}`)}
          </Button>
        ))}
        <form
          className="mt-2 flex items-end gap-2 border-slate-200 border-t pt-3 dark:border-slate-800"
          onSubmit={(event) => {
            event.preventDefault();
            const until = new Date(custom);
            if (Number.isNaN(until.getTime())) return;
            snooze({ status: "pending", snooze: { until: until.toISOString() } });
          }}
        >
          <label htmlFor={customId} className="flex-1 space-y-1 text-sm">
            <span className="block">{t("snoozeCustom")}</span>
            <Input
              id={customId}
              type="datetime-local"
              required
              value={custom}
              min={localInputValue(new Date())}
              onChange={(event) => setCustom(event.target.value)}
            />
          </label>
          <Button type="submit">{t("snoozeUntil")}</Button>
        </form>
      </div>
    </Dialog>
  );
}

/** "Assigned to Olena · Pending until 9:00": who owns the chat and its state, under the title. */
export function WorkflowSummary({ chat }: { chat: ChatDetail }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  const staff = useStaff();
  // The time is shown in the browser's time zone: filled in once hydrated.
  const hydrated = useHydrated();
  const assignee = chat.assigneeId ? staff.data?.find((member) => member.id === chat.assigneeId) : undefined;
  const owner = chat.assigneeId
    ? t("assignedTo", { name: assignee ? assignee.name || assignee.email : "…" })
    : t("unassigned");
  const state =
    chat.inboxStatus === "pending"
      ? chat.snoozedUntil && hydrated
        ? t("pendingUntil", {
            time: format.dateTime(new Date(chat.snoozedUntil), { dateStyle: "medium", timeStyle: "short" }),
          })
        : t("statusPending")
      : chat.inboxStatus === "resolved"
        ? t("statusResolved")
        : t("statusOpen");
  return (
    <p className="truncate text-slate-600 text-xs dark:text-slate-400" data-testid="chat-workflow">
      {owner} · {state}
    </p>
  );
}
