import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { listParticipants } from "@/lib/participants/list-participants";

export const dynamic = "force-dynamic";

export const GET = withSession<{ chatId: string }>(({ params }) =>
  listParticipants(db(), positiveId(params.chatId, "Chat")),
);
