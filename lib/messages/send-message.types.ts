import { z } from "zod";

/** The longest message an agent can send (every provider's limit is at least this). */
export const MAX_MESSAGE_LENGTH = 4000;

export const ZSendMessageRequest = z.object({
  text: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `A message can have at most ${MAX_MESSAGE_LENGTH} characters`)
    .refine((text) => text.trim().length > 0, "Type a message first"),
  replyToMessageId: z.number().int().positive().nullish(),
  /** Made by the browser per send: repeating a request with it never sends twice. */
  clientId: z.uuid(),
});
export type SendMessageRequest = z.infer<typeof ZSendMessageRequest>;
