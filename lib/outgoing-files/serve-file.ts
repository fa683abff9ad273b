import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { disposition, INERT_FILE_HEADERS } from "@/lib/media/file-headers";
import { fileIdOfToken } from "@/lib/outgoing-files/file-link";

/** A stored file as a download that can run nothing in a browser (nosniff, sandboxed). */
export async function serveStoredFile(client: DbClient, fileId: string): Promise<Response> {
  const file = await client.outgoingFile.findUnique({
    where: { id: fileId },
    select: { fileName: true, mimeType: true, kind: true, content: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "There is no such file");
  const picture = file.kind === "image";
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": picture ? file.mimeType : "application/octet-stream",
      "content-disposition": disposition(picture ? "inline" : "attachment", file.fileName),
      "content-length": String(file.content.byteLength),
      ...INERT_FILE_HEADERS,
      // Downloaded by the provider's servers, not embedded by other sites' pages.
      "cross-origin-resource-policy": "cross-origin",
      "cache-control": "private, max-age=3600",
    },
  });
}

/** `GET /api/files/{token}`: what a provider downloads; a token that is not ours or has expired is a 404. */
export async function serveFileLink(client: DbClient, token: string): Promise<Response> {
  const fileId = fileIdOfToken(token, { anyAge: false });
  if (!fileId) throw new AppError("NOT_FOUND", "There is no such file, or its link has expired");
  return serveStoredFile(client, fileId);
}
