import type { UploadedFile } from "@/lib/outgoing-files/upload.types";
import { ApiError } from "@/lib/queries/api";

function errorOf(request: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(request.responseText) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(request.status, body.error.code ?? "HTTP_ERROR", body.error.message);
  } catch {
    // Not our JSON error (a proxy's page): the status says enough.
  }
  return new ApiError(request.status, "HTTP_ERROR", request.statusText || `HTTP ${request.status}`);
}

/**
 * Sends a file for a reply as the request body (`POST /api/chats/{id}/files`), reporting progress
 * as 0–100. XMLHttpRequest because fetch reports no upload progress.
 */
export function uploadFile(
  chatId: number,
  file: File,
  onProgress: (percent: number) => void,
  signal: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/chats/${chatId}/files?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve(JSON.parse(request.responseText) as UploadedFile)
        : reject(errorOf(request));
    request.onerror = () => reject(new ApiError(0, "NETWORK", "The connection was lost"));
    request.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}
