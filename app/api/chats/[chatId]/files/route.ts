import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { storeUpload } from "@/lib/outgoing-files/store-upload";
import { ZUploadQuery } from "@/lib/outgoing-files/upload.types";
import { MAX_OUTGOING_FILE_BYTES } from "@/lib/providers/outgoing-files.types";

export const dynamic = "force-dynamic";

/** A file for a reply: its bytes as the body, its type as Content-Type, its name in `?name=`. */
export const POST = withSession(
  { params: ZChatParams, query: ZUploadQuery, fileBody: true, maxBodyBytes: MAX_OUTGOING_FILE_BYTES },
  ({ params, query, bytes, request, session }) =>
    storeUpload(db(), {
      chatId: params.chatId,
      userId: session.userId,
      name: query.name,
      contentType: request.headers.get("content-type"),
      bytes: bytes ?? new Uint8Array(0),
    }),
);
