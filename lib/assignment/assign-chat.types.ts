import { z } from "zod";

/** A teammate's id, or null to leave the chat unassigned. */
export const ZAssignChatRequest = z.object({ assigneeId: z.string().trim().min(1).max(100).nullable() });
export type AssignChatRequest = z.infer<typeof ZAssignChatRequest>;
