import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { listParticipants } from "@/lib/participants/list-participants";

export const dynamic = "force-dynamic";

export const GET = withSession({ params: ZChatParams }, ({ params }) => listParticipants(db(), params.chatId));
