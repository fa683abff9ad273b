import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { setChatStatus } from "@/lib/workflow/set-status";
import { ZSetStatusRequest } from "@/lib/workflow/set-status.types";

export const dynamic = "force-dynamic";

/** Open, pending until a time (a preset in the agent's time zone, or a time), or resolved. */
export const POST = withSession({ params: ZChatParams, body: ZSetStatusRequest }, ({ params, body, session }) =>
  setChatStatus(db(), { chatId: params.chatId, userId: session.userId, request: body }),
);
