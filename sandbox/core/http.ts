import type http from "node:http";

/** A request as every sandbox route sees it. */
export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  rawBody: string;
  /** The body's bytes as sent (a multipart upload's file stays intact here). */
  rawBytes: Buffer;
};

/** An answer; serialized as JSON unless `text` is given. */
export type FakeResponse = {
  status: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function readRequest(req: http.IncomingMessage): Promise<FakeRequest> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const rawBytes = await readBody(req);
  const rawBody = rawBytes.toString("utf8");
  return {
    method: req.method ?? "GET",
    path: decodeURIComponent(url.pathname),
    query: url.searchParams,
    headers: req.headers,
    body: parseBody(rawBody),
    rawBody,
    rawBytes,
  };
}

export function write(res: http.ServerResponse, response: FakeResponse): void {
  const body = response.text ?? (response.json === undefined ? "" : JSON.stringify(response.json));
  res.writeHead(response.status, {
    "content-type": response.contentType ?? "application/json; charset=utf-8",
    ...response.headers,
  });
  res.end(body);
}

export const ok = (json: unknown): FakeResponse => ({ status: 200, json });

/** Reads a positive integer query parameter, or the fallback when absent; NaN when present but invalid. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  if (value === null || value === "") return fallback;
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** The bearer token of a request, or null. */
export function bearerToken(headers: http.IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(.+)$/i.exec(value);
  return match ? (match[1] as string) : null;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
