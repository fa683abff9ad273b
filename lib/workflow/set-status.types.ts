import { z } from "zod";
import { isTimeZone, SNOOZE_PRESETS } from "@/lib/workflow/snooze-time";

export const INBOX_STATUSES = ["open", "pending", "resolved"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** An IANA time zone the platform knows, as the browser reports it (Intl's resolvedOptions). */
export const ZTimeZone = z.string().min(1).max(64).refine(isTimeZone, "Unknown time zone");

export const ZSnooze = z.union([
  /** A preset, computed on the server in the agent's time zone ("tomorrow" is 9:00 there). */
  z.object({ preset: z.enum(SNOOZE_PRESETS), timeZone: ZTimeZone }),
  /** A time the agent picked. */
  z.object({ until: z.iso.datetime({ offset: true }) }),
]);
export type Snooze = z.infer<typeof ZSnooze>;

export const ZSetStatusRequest = z.discriminatedUnion("status", [
  z.object({ status: z.literal("open") }),
  z.object({ status: z.literal("resolved") }),
  /** Pending always has a time to come back. */
  z.object({ status: z.literal("pending"), snooze: ZSnooze }),
]);
export type SetStatusRequest = z.infer<typeof ZSetStatusRequest>;

export type ChatStatusState = { status: InboxStatus; snoozedUntil: string | null };
