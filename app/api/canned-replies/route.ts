import { withSession } from "@/lib/api/handler";
import { createReply, listReplies, replyViewer } from "@/lib/canned-replies/canned-replies";
import { ZCreateReplyRequest } from "@/lib/canned-replies/canned-replies.types";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The team's saved replies and the caller's own. */
export const GET = withSession(({ session }) => listReplies(db(), replyViewer(session)));

/** A personal reply for anyone; a team reply for admins. */
export const POST = withSession({ body: ZCreateReplyRequest }, ({ body, session }) =>
  createReply(db(), replyViewer(session), body),
);
