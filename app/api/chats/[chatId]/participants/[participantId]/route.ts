import { z } from "zod";
import { withSession } from "@/lib/api/handler";
import { routeId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { removeParticipant } from "@/lib/participants/remove-participant";

export const dynamic = "force-dynamic";

const ZParams = z.object({ chatId: routeId("Chat"), participantId: routeId("Participant") });

export const DELETE = withSession({ params: ZParams }, ({ params, session }) =>
  removeParticipant(db(), { ...params, userId: session.userId }),
);
