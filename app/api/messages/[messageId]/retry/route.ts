import { withSession } from "@/lib/api/handler";
import { positiveId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { retryMessage } from "@/lib/messages/retry-message";

export const dynamic = "force-dynamic";

export const POST = withSession<{ messageId: string }>(({ params, session }) =>
  retryMessage(db(), { messageId: positiveId(params.messageId, "Message"), userId: session.userId }),
);
