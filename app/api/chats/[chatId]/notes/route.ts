import { withSession } from "@/lib/api/handler";
import { ZChatParams } from "@/lib/api/query";
import { db } from "@/lib/db";
import { addNote } from "@/lib/notes/add-note";
import { ZAddNoteRequest } from "@/lib/notes/add-note.types";

export const dynamic = "force-dynamic";

/** A private note for the team (never sent to the customer), with the teammates it mentions. */
export const POST = withSession({ params: ZChatParams, body: ZAddNoteRequest }, ({ params, body, session }) =>
  addNote(db(), { chatId: params.chatId, user: { id: session.userId, name: session.name }, request: body }),
);
