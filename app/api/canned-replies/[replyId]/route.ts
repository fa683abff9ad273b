import { withSession } from "@/lib/api/handler";
import { deleteReply, replyViewer, updateReply } from "@/lib/canned-replies/canned-replies";
import { ZReplyParams, ZUpdateReplyRequest } from "@/lib/canned-replies/canned-replies.types";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const PATCH = withSession({ params: ZReplyParams, body: ZUpdateReplyRequest }, ({ params, body, session }) =>
  updateReply(db(), replyViewer(session), params.replyId, body),
);

export const DELETE = withSession({ params: ZReplyParams }, ({ params, session }) =>
  deleteReply(db(), replyViewer(session), params.replyId),
);
