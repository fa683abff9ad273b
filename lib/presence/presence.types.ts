import { z } from "zod";

/** How often an open chat's tab says it is still there. */
export const PRESENCE_HEARTBEAT_MS = 3_000;
/**
 * How long a tab counts as present after its last heartbeat. With the sweep every second, someone
 * whose tab closed without a word (a crash, a lost network) disappears at most 8 s later.
 */
export const PRESENCE_TTL_MS = 7_000;
/** Typing signals: at most one per agent and chat in this time (the browser sends them no faster). */
export const TYPING_SIGNAL_MS = 2_000;
/** "Typing…" lasts this long after the last typing signal. */
export const TYPING_TTL_MS = 5_000;

export const ZPresenceRequest = z.object({
  /** The tab's own id, made once per page load. */
  tab: z.uuid(),
  state: z.enum(["viewing", "typing", "left"]),
});
export type PresenceRequest = z.infer<typeof ZPresenceRequest>;

/** Someone's tab on a chat, as every browser sees it. */
export type PresenceEntry = { tab: string; chatId: number; userId: string; state: "viewing" | "typing" };
