import { z } from "zod";
import { withSession } from "@/lib/api/handler";
import { routeId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { retryMessage } from "@/lib/messages/retry-message";

export const dynamic = "force-dynamic";

export const POST = withSession({ params: z.object({ messageId: routeId("Message") }) }, ({ params, session }) =>
  retryMessage(db(), { messageId: params.messageId, userId: session.userId }),
);
