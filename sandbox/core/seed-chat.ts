import { z } from "zod";
import { SandboxInputError } from "@/sandbox/core/control";

/**
 * A chat a test makes for itself through `POST /__sandbox/chats`, in words every provider
 * shares; each provider writes it in its own wire format, and refuses (400) what its
 * documents do not have (a SmartSender group, a MAX reaction…).
 */

/** Files a test can attach (each provider serves them as its own media)… */
const FILE_ATTACHMENTS = ["image", "video", "audio", "voice", "file", "sticker", "animation"] as const;
/** …and the rest: each provider makes the kinds its documents have. */
export const SEED_ATTACHMENTS = [...FILE_ATTACHMENTS, "share", "location", "contact"] as const;
export type SeedAttachment = (typeof SEED_ATTACHMENTS)[number];

const name = z.string().trim().min(1).max(200);

export const SeedMessageSchema = z
  .object({
    /** The customer (or a group's member) writes, or the agent (the sandbox connection itself). */
    from: z.enum(["customer", "agent"]).default("customer"),
    /** Which member writes in a group: one of `members`; the first one when not given. */
    author: name.optional(),
    text: z.string().trim().min(1).max(4000).optional(),
    attachments: z.array(z.enum(SEED_ATTACHMENTS)).max(10).default([]),
    /** Emoji the agent reacted with. */
    reactions: z.array(z.string().min(1).max(16)).max(10).default([]),
    /** Quotes the message at this position of `messages` (an earlier one). */
    replyTo: z.number().int().min(0).optional(),
  })
  .refine(
    (message) => message.text !== undefined || message.attachments.length > 0,
    "a message needs text or attachments",
  );

export const SeedChatSchema = z.object({
  /** The chat's title in the inbox: the customer's name for a dialog, the group's title. */
  title: name,
  /** A group chat (the customer and `members`) instead of a dialog with one customer. */
  group: z.boolean().default(false),
  /** Reachable by a public link, returned as `link`. */
  public: z.boolean().default(false),
  closed: z.boolean().default(false),
  /** A group's customers; a dialog's customer is named by `title`. */
  members: z.array(name).max(50).default([]),
  /** Generated older conversation before `messages` (long threads). */
  history: z.number().int().min(0).max(1000).default(0),
  /** Oldest first; the last one is the newest message of the chat. */
  messages: z.array(SeedMessageSchema).max(200).default([]),
});

export type SeedChatInput = z.infer<typeof SeedChatSchema>;
export type SeedMessage = z.infer<typeof SeedMessageSchema>;

/** What the test needs to find its chat again, at the provider and in the inbox. */
export type SeededChat = {
  chatExternalId: string;
  /** In the order of `messages` (after any history). */
  messageExternalIds: string[];
  /** The customer's phone, where the provider has one. */
  phone?: string;
  /** The public link, for a `public` chat. */
  link?: string;
};

/** Refuses what a provider cannot hold, naming it, instead of quietly leaving it out. */
export function refuseUnsupported(
  provider: string,
  input: SeedChatInput,
  unsupported: Array<keyof SeedChatInput | keyof SeedMessage>,
): void {
  const asked = new Set<string>();
  if (input.group) asked.add("group");
  if (input.public) asked.add("public");
  if (input.closed) asked.add("closed");
  if (input.members.length > 0) asked.add("members");
  if (input.history > 0) asked.add("history");
  if (input.messages.length > 0) asked.add("messages");
  for (const message of input.messages) {
    if (message.reactions.length > 0) asked.add("reactions");
    if (message.replyTo !== undefined) asked.add("replyTo");
    if (message.author !== undefined) asked.add("author");
  }
  const refused = unsupported.filter((option) => asked.has(option));
  if (refused.length > 0) throw new SandboxInputError(400, `The ${provider} sandbox has no ${refused.join(", ")}`);
}

/** Send times for `count` messages: a minute apart, the last one now. */
export function recentTimes(count: number, now = Date.now()): number[] {
  return Array.from({ length: count }, (_, index) => now - (count - 1 - index) * 60_000);
}

/** The message a seeded message quotes, checked to be an earlier one. */
export function quoted<T>(messages: readonly T[], index: number, replyTo: number | undefined): T | null {
  if (replyTo === undefined) return null;
  const original = messages[replyTo];
  if (replyTo >= index || original === undefined) {
    throw new SandboxInputError(400, `messages[${index}].replyTo must point at an earlier message`);
  }
  return original;
}
