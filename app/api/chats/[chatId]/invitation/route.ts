import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { invitationLink } from "@/lib/chats/invitation-link";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession<{ chatId: string }>(({ params }) =>
  invitationLink(db(), positiveId(params.chatId, "Chat")),
);
