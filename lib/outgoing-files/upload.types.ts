import { z } from "zod";
import { MAX_FILE_NAME_LENGTH } from "@/lib/providers/outgoing-files.types";

/** `POST /api/chats/{id}/files?name=…`: the body is the file's bytes, its Content-Type the file's type. */
export const ZUploadQuery = z.object({ name: z.string().trim().min(1).max(MAX_FILE_NAME_LENGTH) });

/** What the composer keeps of an upload until the reply is sent. */
export type UploadedFile = { id: string; fileName: string; mimeType: string; kind: "image" | "file"; size: number };

/** Files per send the API takes at most (each provider's own limit is lower or equal). */
export const MAX_FILES_PER_MESSAGE = 10;
