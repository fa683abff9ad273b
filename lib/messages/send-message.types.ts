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
  /**
   * The newest message id the agent's thread held when they started typing (0 for an empty thread):
   * a reply another agent sent after it is a collision. Absent: not checked.
   */
  seenMessageId: z.number().int().min(0).max(2_147_483_647).nullish(),
  /** The agent saw the collision warning and sends anyway (the second click). */
  confirmCollision: z.boolean().optional(),
});
export type SendMessageRequest = z.infer<typeof ZSendMessageRequest>;
