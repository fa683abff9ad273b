import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { removeParticipant } from "@/lib/participants/remove-participant";

export const dynamic = "force-dynamic";

export const DELETE = withSession<{ chatId: string; participantId: string }>(({ params, session }) =>
  removeParticipant(db(), {
    chatId: positiveId(params.chatId, "Chat"),
    participantId: positiveId(params.participantId, "Participant"),
    userId: session.userId,
  }),
);
