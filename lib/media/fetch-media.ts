import dns from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { isPublicAddress } from "@/lib/media/address-policy";

export const MEDIA_MAX_BYTES = 25 * 1024 * 1024;
export const MEDIA_TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;

export type MediaPolicy = {
  /**
   * The connection's own provider origin (its configured base URL): the one place besides the
   * public internet media may come from, which is how a provider on a private network, or the
   * sandbox providers on 127.0.0.1, keep working. Only that exact origin (scheme, host, port).
   */
  providerOrigin: string;
  maxBytes?: number;
  timeoutMs?: number;
  /** A `Range` header from the browser (seeking in audio and video), passed on when well-formed. */
  range?: string | null;
};

export type FetchedMedia = {
  status: number;
  contentType: string | null;
  contentLength: number | null;
  contentRange: string | null;
  body: ReadableStream<Uint8Array>;
};

class RefusedAddress extends Error {
  constructor(readonly host: string) {
    super(`${host} is not a public address`);
  }
}

const refused = (host: string) =>
  new AppError("FORBIDDEN", "This file's address points into a private network, so the inbox does not fetch it", {
    host,
  });

/** Resolves like the system does, then keeps only addresses the policy allows: checked at connect time, so a DNS answer cannot change in between. */
function checkedLookup(allowAny: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const usable = allowAny ? addresses : addresses.filter((entry) => isPublicAddress(entry.address));
      const first = usable[0];
      if (!first) return callback(new RefusedAddress(hostname), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

type Upload = { contentType: string; bytes: Uint8Array };

function requestOnce(url: URL, policy: MediaPolicy, signal: AbortSignal, upload?: Upload): Promise<IncomingMessage> {
  const own = url.origin === new URL(policy.providerOrigin).origin;
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!own && isIP(literal) !== 0 && !isPublicAddress(literal)) throw refused(url.hostname);
  const client = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = {
    accept: upload ? "application/json" : "image/*, audio/*, video/*, */*;q=0.5",
    "user-agent": "SupportInbox-Media/1",
  };
  if (upload) {
    headers["content-type"] = upload.contentType;
    headers["content-length"] = String(upload.bytes.byteLength);
  }
  if (policy.range && /^bytes=\d*-\d*$/.test(policy.range)) headers.range = policy.range;
  return new Promise((resolve, reject) => {
    // No cookies, no credentials, no connection reuse: each request stands alone under the policy.
    const request = client.request(url, {
      method: upload ? "POST" : "GET",
      headers,
      agent: false,
      lookup: checkedLookup(own),
      signal,
    });
    request.on("response", resolve);
    request.on("error", (error) => reject(error instanceof RefusedAddress ? refused(error.host) : error));
    request.end(upload ? Buffer.from(upload.bytes) : undefined);
  });
}

/**
 * POSTs a file to a provider-given upload URL under the same policy as fetching media (http(s)
 * only, no credentials in the URL, the provider's own origin or a public address checked at
 * connect time, no redirects followed) and returns the answer's status and text (at most 1 MB).
 */
export async function uploadUnderPolicy(
  target: string,
  policy: Pick<MediaPolicy, "providerOrigin" | "timeoutMs">,
  upload: Upload,
): Promise<{ status: number; text: string }> {
  const url = new URL(target);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new AppError("FORBIDDEN", "Only http and https uploads");
  if (url.username || url.password) throw new AppError("FORBIDDEN", "Upload addresses with credentials are not used");
  const signal = AbortSignal.timeout(policy.timeoutMs ?? 120_000);
  const response = await requestOnce(url, policy, signal, upload);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response) {
    total += (chunk as Buffer).byteLength;
    if (total > 1024 * 1024) {
      response.destroy();
      break;
    }
    chunks.push(chunk as Buffer);
  }
  return { status: response.statusCode ?? 502, text: Buffer.concat(chunks).toString("utf8") };
}

function limited(response: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  const chunks = response[Symbol.asyncIterator]();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await chunks.next();
        if (done) return controller.close();
        total += (value as Buffer).byteLength;
        if (total > maxBytes) {
          response.destroy();
          return controller.error(new Error(`The file is larger than ${maxBytes} bytes`));
        }
        controller.enqueue(new Uint8Array(value as Buffer));
      } catch (error) {
        controller.error(error);
      }
    },
    cancel() {
      response.destroy();
    },
  });
}

/**
 * Fetches a provider-hosted file for the browser under the media policy: http(s) only, no
 * credentials in the URL, every hop (redirects included) to the provider's own origin or to an
 * address on the public internet (checked after DNS resolution), at most 25 MB and 20 s.
 */
export async function fetchMedia(target: string, policy: MediaPolicy): Promise<FetchedMedia> {
  const maxBytes = policy.maxBytes ?? MEDIA_MAX_BYTES;
  const signal = AbortSignal.timeout(policy.timeoutMs ?? MEDIA_TIMEOUT_MS);
  let url = new URL(target);
  for (let hop = 0; ; hop += 1) {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new AppError("FORBIDDEN", "Only http and https files are fetched");
    }
    if (url.username || url.password)
      throw new AppError("FORBIDDEN", "File addresses with credentials are not fetched");
    let response: IncomingMessage;
    try {
      response = await requestOnce(url, policy, signal);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("PROVIDER_UNAVAILABLE", "The provider did not deliver the file", {
        reason: signal.aborted ? "timeout" : "unreachable",
      });
    }
    const status = response.statusCode ?? 502;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.destroy();
      if (hop >= MAX_REDIRECTS) throw new AppError("PROVIDER_UNAVAILABLE", "The file's address redirects too often");
      url = new URL(location, url);
      continue;
    }
    if (status !== 200 && status !== 206) {
      response.destroy();
      throw new AppError(
        status === 404 ? "NOT_FOUND" : "PROVIDER_UNAVAILABLE",
        "The provider did not deliver the file",
        {
          status,
        },
      );
    }
    const declared = Number(response.headers["content-length"] ?? Number.NaN);
    if (declared > maxBytes) {
      response.destroy();
      throw new AppError("PROVIDER_UNAVAILABLE", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    return {
      status,
      contentType: response.headers["content-type"] ?? null,
      contentLength: Number.isFinite(declared) ? declared : null,
      contentRange: typeof response.headers["content-range"] === "string" ? response.headers["content-range"] : null,
      body: limited(response, maxBytes),
    };
  }
}
