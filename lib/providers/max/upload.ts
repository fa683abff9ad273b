/**
 * Sending a file to MAX (docs/providers/max.md "Sending files"): ask `POST /uploads?type=` for an
 * upload URL, POST the file there as multipart field `data` (without the bot's token: the URL is
 * the permission), read the token from the answer, and name it in the message's attachments.
 */
import { uploadUnderPolicy } from "@/lib/media/fetch-media";
import { kindOfStatus, ProviderError } from "@/lib/providers/errors";
import type { createMaxClient } from "@/lib/providers/max/client";
import { uploadAnswerSchema } from "@/lib/providers/max/schemas";
import type { SendFileInput } from "@/lib/providers/types";

type MaxClient = ReturnType<typeof createMaxClient>;

async function multipart(file: SendFileInput["file"]): Promise<{ contentType: string; bytes: Uint8Array }> {
  const form = new FormData();
  const bytes = await file.content();
  form.append("data", new Blob([new Uint8Array(bytes)], { type: file.mimeType }), file.fileName);
  const encoded = new Response(form);
  return {
    contentType: encoded.headers.get("content-type") ?? "multipart/form-data",
    bytes: new Uint8Array(await encoded.arrayBuffer()),
  };
}

/** Uploads one file and returns the token a message attaches it by. */
export async function uploadToMax(
  client: MaxClient,
  providerBaseUrl: string,
  file: SendFileInput["file"],
  signal?: AbortSignal,
): Promise<string> {
  const type = file.kind === "image" ? "image" : "file";
  const slot = await client.uploadUrl(type, signal);
  signal?.throwIfAborted();
  // The URL comes from the provider: it is used under the media policy, like every URL it gives.
  const answer = await uploadUnderPolicy(slot.url, { providerOrigin: providerBaseUrl }, await multipart(file));
  if (answer.status < 200 || answer.status >= 300) {
    throw new ProviderError(kindOfStatus(answer.status), `MAX did not take the file (HTTP ${answer.status})`, {
      status: answer.status,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new ProviderError("malformed", "MAX answered the upload with something other than JSON");
  }
  const parsed = uploadAnswerSchema.safeParse(body);
  const token =
    (parsed.success && (parsed.data.token ?? Object.values(parsed.data.photos ?? {})[0]?.token)) || slot.token;
  if (!token) throw new ProviderError("malformed", "MAX's upload answer names no token");
  return token;
}
