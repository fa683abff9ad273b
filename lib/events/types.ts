import { z } from "zod";

/**
 * What changed, as every browser hears it over /api/events. Events carry ids, never content:
 * the browser refetches exactly the queries that show those ids.
 */
export const changeEventSchema = z.discriminatedUnion("type", [
  /** A chat's row changed: title, status, last message, unread count, participants. */
  z.object({ type: z.literal("chat.changed"), chatId: z.number().int(), connectionId: z.string() }),
  /** Messages of a chat were added or changed (edits, deletions, reactions, delivery state). */
  z.object({ type: z.literal("messages.changed"), chatId: z.number().int(), messageIds: z.array(z.number().int()) }),
  /** Unread totals moved (per connection, or everywhere when absent). */
  z.object({ type: z.literal("counts.changed"), connectionId: z.string().optional() }),
  /** A connection's health or last error changed. */
  z.object({ type: z.literal("connection.changed"), connectionId: z.string() }),
  /**
   * Sent by /api/events when it cannot replay what a client missed (its Last-Event-ID is older
   * than the retained events): the client refetches everything it shows.
   */
  z.object({ type: z.literal("resync") }),
]);

export type ChangeEvent = z.infer<typeof changeEventSchema>;

/** As sent to browsers: the event and its id in the change_events table (for resuming). */
export type DeliveredChangeEvent = ChangeEvent & { id: string };

/**
 * Presence travels beside the change events on its own NOTIFY channel (the presence table's
 * trigger, see the collaboration migration): it is not history to store or replay, and heartbeats
 * would flood change_events.
 */
export const PRESENCE_CHANNEL = "inbox_presence";

export const PRESENCE_STATES = ["viewing", "typing", "left"] as const;

/** A browser tab began showing a chat, started or stopped typing in it, or left it. */
export const presenceNoticeSchema = z.object({
  /** The tab's own id (one agent may have the chat open in several tabs). */
  tab: z.string().max(64),
  chatId: z.number().int(),
  userId: z.string().max(100),
  state: z.enum(PRESENCE_STATES),
});
export type PresenceNotice = z.infer<typeof presenceNoticeSchema>;
