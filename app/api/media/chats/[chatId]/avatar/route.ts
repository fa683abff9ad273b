import { z } from "zod";
import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { serveChatAvatar } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

/** `v` changes with the picture's address, so a browser cache never shows an old one. */
const ZAvatarQuery = z.object({ v: z.string().max(32).optional() });

/** A chat's picture, fetched by the server (never by the agent's browser) under the media policy. */
export const GET = withSession({ params: ZChatParams, query: ZAvatarQuery }, ({ params }) =>
  serveChatAvatar(db(), params.chatId),
);
