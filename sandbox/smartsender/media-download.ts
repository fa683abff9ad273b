/**
 * A media send names a URL (`media`), so SmartSender must download the file from it before it can
 * forward it to the messenger; the sandbox does the same, and refuses a send whose URL does not
 * answer with a file, as the service could only. What it downloaded is kept for tests to read.
 */
import type { FakeRequest, FakeResponse } from "@/sandbox/core/http";
import { error } from "@/sandbox/smartsender/routes";

const DOWNLOAD_TIMEOUT_MS = 10_000;
const SEND_PATH = /^\/v1\/contacts\/\d+\/send$/;

export type DownloadedMedia = { url: string; contentType: string | null; bytes: number };

function mediaUrlOf(request: FakeRequest): string | null {
  if (request.method !== "POST" || !SEND_PATH.test(request.path)) return null;
  const body = request.body as { type?: unknown; media?: unknown } | null;
  if (!body || typeof body !== "object" || body.type === "text") return null;
  return typeof body.media === "string" && body.media !== "" ? body.media : null;
}

/** Downloads a send's media; a 422 when it cannot be had, else null (the send goes on). */
export async function downloadSentMedia(
  request: FakeRequest,
  downloaded: DownloadedMedia[],
): Promise<FakeResponse | null> {
  const url = mediaUrlOf(request);
  if (url === null) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "error" });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok || bytes === 0) return error(422, `The media could not be downloaded (HTTP ${response.status}).`);
    downloaded.push({ url, contentType: response.headers.get("content-type"), bytes });
    return null;
  } catch {
    return error(422, "The media could not be downloaded.");
  }
}
