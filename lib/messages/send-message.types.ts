import { z } from "zod";
import { MAX_FILES_PER_MESSAGE } from "@/lib/outgoing-files/upload.types";

/** The longest message an agent can send (every provider's limit is at least this). */
export const MAX_MESSAGE_LENGTH = 4000;

export const ZSendMessageRequest = z
  .object({
    text: z.string().max(MAX_MESSAGE_LENGTH, `A message can have at most ${MAX_MESSAGE_LENGTH} characters`),
    /** Files uploaded for this reply (`POST /api/chats/{id}/files`), in order. */
    fileIds: z.array(z.uuid()).max(MAX_FILES_PER_MESSAGE).optional(),
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
  })
  .refine((request) => request.text.trim().length > 0 || (request.fileIds?.length ?? 0) > 0, {
    message: "Type a message or attach a file first",
    path: ["text"],
  });
export type SendMessageRequest = z.infer<typeof ZSendMessageRequest>;
