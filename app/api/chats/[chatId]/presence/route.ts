import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { ZPresenceRequest } from "@/lib/presence/presence.types";
import { recordPresence } from "@/lib/presence/record-presence";

export const dynamic = "force-dynamic";

/** A tab's heartbeat on the chat it shows: viewing, typing, or left. */
export const POST = withSession(
  { params: ZChatParams, body: ZPresenceRequest, maxBodyBytes: 1024 },
  async ({ params, body, session }) => {
    await recordPresence(db(), { userId: session.userId, chatId: params.chatId, request: body });
    return { ok: true };
  },
);
