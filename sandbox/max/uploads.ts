/**
 * MAX's upload service, as its documents describe it (docs/providers/max.md "Sending files"):
 * `POST /uploads?type=image|video|audio|file` answers `{url}` (video and audio also a `token`);
 * the file is POSTed to that URL as multipart/form-data in the field `data`, without the bot's
 * token; the answer is `{token}` for a file and `{photos: {<id>: {token}}}` for an image. A message
 * then carries `attachments: [{type, payload: {token}}]`. Chosen here: a token is good for one
 * message, and (with `notReadyOnce`) the first message naming a fresh file gets MAX's
 * `attachment.not.ready`, as a file still being processed does.
 */
import { randomUUID } from "node:crypto";
import type { FakeRequest, FakeResponse } from "@/sandbox/core/http";
import { mediaUrl } from "@/sandbox/core/media";
import type { WireAttachment } from "@/sandbox/max/wire";

export const UPLOAD_PATH = /^\/__upload\/([\w-]{36})$/;
const UPLOAD_TYPES = ["image", "video", "audio", "file"] as const;
type UploadType = (typeof UPLOAD_TYPES)[number];

type Stored = { type: UploadType; fileName: string; contentType: string; size: number; used: boolean; tried: boolean };

export type UploadedFile = Omit<Stored, "used" | "tried"> & { token: string };

/** The part named `data` of a multipart body: its file name, type and bytes; null when absent. */
function dataPart(request: FakeRequest): { fileName: string; contentType: string; bytes: Buffer } | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(String(request.headers["content-type"] ?? ""))?.[1];
  if (!boundary) return null;
  const body = request.rawBytes;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    if (/name="data"/i.test(headers)) {
      return {
        fileName: /filename="([^"]*)"/i.exec(headers)?.[1] ?? "file",
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream",
        bytes: part.subarray(headerEnd + 4),
      };
    }
    start = next;
  }
  return null;
}

export function createUploadService(baseUrl: string, options: { notReadyOnce: boolean }) {
  const slots = new Map<string, UploadType>();
  const files = new Map<string, Stored>();
  const uploaded: UploadedFile[] = [];
  const error = (status: number, code: string, message: string): FakeResponse => ({
    status,
    json: { code, message },
  });

  return {
    uploaded,

    /** `POST /uploads?type=`: a one-file upload URL. */
    uploadUrl(request: FakeRequest): FakeResponse {
      if (request.method !== "POST")
        return error(405, "method.not.allowed", `${request.method} /uploads is not allowed`);
      const type = request.query.get("type") as UploadType | null;
      if (!type || !UPLOAD_TYPES.includes(type))
        return error(400, "proto.payload", "type must be image, video, audio or file");
      const id = randomUUID();
      slots.set(id, type);
      return { status: 200, json: { url: `${baseUrl.replace(/\/$/, "")}/__upload/${id}` } };
    },

    /** The upload itself (no token: the URL is the permission). */
    receive(request: FakeRequest, id: string): FakeResponse {
      const type = slots.get(id);
      if (!type) return error(404, "not.found", "No such upload URL");
      const part = dataPart(request);
      if (!part || part.bytes.length === 0) return error(400, "proto.payload", "Send the file as multipart field data");
      slots.delete(id);
      const token = `upl_${randomUUID().replaceAll("-", "")}`;
      const stored = { type, fileName: part.fileName, contentType: part.contentType, size: part.bytes.length };
      files.set(token, { ...stored, used: false, tried: false });
      uploaded.push({ ...stored, token });
      return { status: 200, json: type === "image" ? { photos: { [id]: { token } } } : { token } };
    },

    /** A message's `{type, payload: {token}}` as MAX then shows it, or the error a bad token gets. */
    attachmentFor(attachment: WireAttachment): WireAttachment | FakeResponse {
      const payload = attachment.payload as { token?: unknown } | undefined;
      const token = typeof payload?.token === "string" ? payload.token : null;
      if (token === null) return attachment;
      const file = files.get(token);
      if (!file || file.used || file.type !== attachment.type)
        return error(400, "proto.payload", "Unknown attachment token");
      if (options.notReadyOnce && !file.tried) {
        file.tried = true;
        return error(400, "attachment.not.ready", "Key: errors.process.attachment.file.not.processed");
      }
      file.used = true;
      const url = mediaUrl(baseUrl, `upload-${token}-${file.fileName.replace(/[^\w.-]/g, "_")}`);
      return file.type === "file"
        ? { type: "file", payload: { url, token }, filename: file.fileName, size: file.size }
        : { type: file.type, payload: { url, token, ...(file.type === "image" ? { photo_id: token.length } : {}) } };
    },
  };
}

export type UploadService = ReturnType<typeof createUploadService>;
