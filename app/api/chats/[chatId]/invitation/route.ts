import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { invitationLink } from "@/lib/chats/invitation-link";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** A POST: when the chat has no link yet, the provider is asked for one and it is kept. */
export const POST = withSession({ params: ZChatParams }, ({ params }) => invitationLink(db(), params.chatId));
