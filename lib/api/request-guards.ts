import { appOrigins } from "@/lib/app-origin";
import { AppError } from "@/lib/errors";

/** Every API body is small JSON; more than this is refused before it is read. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** JSON nested deeper than any request of ours is refused rather than walked. */
const MAX_JSON_DEPTH = 32;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const changesState = (request: Request) => !SAFE_METHODS.has(request.method.toUpperCase());

/**
 * Cross-site request forgery: a state-changing request must come from a page of the inbox
 * itself. Browsers send `Origin` with every such request (and `Sec-Fetch-Site` with most);
 * a form or `fetch` on another site, another port or a sibling subdomain carries that site's
 * origin, and a request without either header comes from no browser we serve.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (appOrigins().includes(origin)) return;
    throw new AppError("FORBIDDEN", "This request did not come from the inbox's own pages", { origin });
  }
  if (request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new AppError("FORBIDDEN", "This request did not come from the inbox's own pages: it has no Origin header");
}

/**
 * Only JSON is accepted for changes: a cross-site page can send `text/plain` or form bodies
 * without the browser asking first (no CORS preflight), but never `application/json`.
 */
export function assertJsonContentType(request: Request): void {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return;
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json)");
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB`, {
    limitBytes: limit,
  });
}

/** Refuses a body whose declared length is over `limit` without reading any of it. */
export function assertDeclaredLength(request: Request, limit = MAX_BODY_BYTES): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
}

/**
 * The body's bytes, read chunk by chunk and abandoned as soon as they pass `limit` (a body sent
 * without a length, or with a false one, is never held whole).
 */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  assertDeclaredLength(request, limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, read as `readBodyBytes` reads it. Bytes that are not UTF-8 are a 400. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const bytes = await readBodyBytes(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8");
  }
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON");
  }
}

/** NUL cannot be stored in PostgreSQL text, and a lone UTF-16 surrogate cannot be encoded at all. */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = { test: (text: string) => text.includes(NUL) || LONE_SURROGATE.test(text) };

function unstorable(where: string): AppError {
  return new AppError("BAD_REQUEST", "The request contains characters that cannot be stored (such as NUL)", {
    path: where,
  });
}

/**
 * Walks a parsed JSON value (iteratively: depth is bounded, never the call stack) and refuses
 * strings or keys the database cannot store, and nesting deeper than any request needs.
 */
export function assertStorable(value: unknown, where = "body"): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: where, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const current = item.value;
    if (typeof current === "string") {
      if (UNSTORABLE.test(current)) throw unstorable(item.path);
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (item.depth >= MAX_JSON_DEPTH) {
      throw new AppError("BAD_REQUEST", `The request is nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
    for (const [key, inner] of Object.entries(current)) {
      if (UNSTORABLE.test(key)) throw unstorable(item.path);
      pending.push({ value: inner, path: `${item.path}.${key}`, depth: item.depth + 1 });
    }
  }
}

/** Query parameters as the schemas see them (a repeated key becomes an array), refused when unstorable. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    for (const value of [key, ...values]) if (UNSTORABLE.test(value)) throw unstorable(`query.${key}`);
    record[key] = values.length > 1 ? values : (values[0] as string);
  }
  return record;
}
