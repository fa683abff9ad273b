import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRng } from "@/sandbox/core/corpus";
import { sandboxMedia } from "@/sandbox/core/media";

/**
 * The common part of the four sandbox providers: a real HTTP server on loopback with a
 * request log, switchable faults and a control API under `/__sandbox/`. Each provider's
 * fake.ts supplies only its documented routes, auth and error bodies.
 */

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  rawBody: string;
};

export type FakeResponse = {
  status: number;
  /** Serialized as JSON unless `text` is given. */
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

export type FaultKind = "server_error" | "timeout" | "malformed" | "rate_limited";

export type FaultSettings = {
  /** Probability (0..1) that a provider request gets one of `kinds` instead of its answer. */
  rate: number;
  kinds: FaultKind[];
  /** Added to every provider answer. */
  latencyMs: number;
  /** When set, every provider request gets this status (e.g. 503 while "down", 401 for a revoked token). */
  forceStatus: number | null;
  /** How long a "timeout" fault holds the request before answering nothing useful. */
  hangMs: number;
};

export const NO_FAULTS: FaultSettings = {
  rate: 0,
  kinds: ["server_error", "timeout", "malformed", "rate_limited"],
  latencyMs: 0,
  forceStatus: null,
  hangMs: 30_000,
};

export type RecordedCall = {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Request headers as received (names lower-cased), so tests can check auth and Accept. */
  headers: Record<string, string>;
  body: unknown;
  /** Fault injected instead of the real answer, if any. */
  fault: FaultKind | `status_${number}` | null;
  status: number;
};

export type ControlRoute = (request: FakeRequest) => FakeResponse | Promise<FakeResponse> | undefined;

export type FakeServerOptions = {
  name: string;
  /** Answers a provider request (already past faults). Return undefined for 404. */
  handle: (request: FakeRequest) => FakeResponse | Promise<FakeResponse | undefined> | undefined;
  /** The provider's own error body for a status (documented shape). */
  errorBody: (status: number, message: string) => FakeResponse;
  /** What a provider sends when it rate-limits (status 429 with its headers/body). */
  rateLimited?: () => FakeResponse;
  /** A body that parses as the content type but breaks the documented shape, or does not parse. */
  malformed?: () => FakeResponse;
  /** Provider-specific control endpoints, matched on `/__sandbox/<name>`. */
  control?: Record<string, ControlRoute>;
  faults?: Partial<FaultSettings>;
  seed?: number;
  port?: number;
};

export type FakeServer = {
  url: string;
  port: number;
  calls: RecordedCall[];
  faults: FaultSettings;
  setFaults: (settings: Partial<FaultSettings>) => void;
  clearCalls: () => void;
  close: () => Promise<void>;
};

const CONTROL_PREFIX = "/__sandbox/";

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function write(res: http.ServerResponse, response: FakeResponse): void {
  const body = response.text ?? (response.json === undefined ? "" : JSON.stringify(response.json));
  res.writeHead(response.status, {
    "content-type": response.contentType ?? "application/json; charset=utf-8",
    ...response.headers,
  });
  res.end(body);
}

function defaultMalformed(): FakeResponse {
  return { status: 200, text: '{"truncated": [1, 2, ', contentType: "application/json; charset=utf-8" };
}

export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const rng = createRng(options.seed ?? 1);
  const calls: RecordedCall[] = [];
  const faults: FaultSettings = { ...NO_FAULTS, ...options.faults };
  const openResponses = new Set<http.ServerResponse>();

  const pickFault = (): FaultKind | null => {
    if (faults.rate <= 0 || faults.kinds.length === 0 || rng() >= faults.rate) return null;
    return faults.kinds[Math.floor(rng() * faults.kinds.length)] ?? null;
  };

  const control = async (request: FakeRequest): Promise<FakeResponse | undefined> => {
    const name = request.path.slice(CONTROL_PREFIX.length);
    if (name === "calls") return { status: 200, json: { calls } };
    if (name === "calls/clear") {
      calls.length = 0;
      return { status: 200, json: { ok: true } };
    }
    if (name === "faults") {
      if (request.method === "POST") Object.assign(faults, request.body as Partial<FaultSettings>);
      return { status: 200, json: faults };
    }
    return options.control?.[name]?.(request);
  };

  const server = http.createServer(async (req, res) => {
    openResponses.add(res);
    res.on("close", () => openResponses.delete(res));
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const rawBody = await readBody(req);
    const request: FakeRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(rawBody),
      rawBody,
    };
    try {
      if (request.path.startsWith("/__media/")) {
        const media = sandboxMedia(request.path.slice("/__media/".length));
        if (!media) return write(res, { status: 404, text: "no such media", contentType: "text/plain" });
        res.writeHead(200, { "content-type": media.contentType, "cache-control": "public, max-age=86400" });
        return res.end(media.body);
      }
      if (request.path.startsWith(CONTROL_PREFIX)) {
        const answer = await control(request);
        return write(res, answer ?? { status: 404, json: { error: "unknown sandbox control" } });
      }
      const call: RecordedCall = {
        at: Date.now(),
        method: request.method,
        path: request.path,
        query: Object.fromEntries(request.query),
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(", ") : (value ?? ""),
          ]),
        ),
        body: request.body,
        fault: null,
        status: 0,
      };
      calls.push(call);
      if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      let response: FakeResponse | undefined;
      if (faults.forceStatus !== null) {
        call.fault = `status_${faults.forceStatus}`;
        response =
          faults.forceStatus === 429 && options.rateLimited
            ? options.rateLimited()
            : options.errorBody(faults.forceStatus, "Forced by the sandbox");
      } else {
        const fault = pickFault();
        call.fault = fault;
        if (fault === "timeout") {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, faults.hangMs);
            req.on("close", () => {
              clearTimeout(timer);
              resolve();
            });
          });
          response = options.errorBody(504, "Gateway timeout");
        } else if (fault === "server_error") {
          response = options.errorBody(rng() < 0.5 ? 500 : 503, "Injected server error");
        } else if (fault === "malformed") {
          response = (options.malformed ?? defaultMalformed)();
        } else if (fault === "rate_limited") {
          response = options.rateLimited?.() ?? options.errorBody(429, "Too many requests");
        } else {
          response = (await options.handle(request)) ?? options.errorBody(404, "Not found");
        }
      }
      call.status = response.status;
      if (!res.destroyed) write(res, response);
    } catch (error) {
      if (!res.headersSent) write(res, options.errorBody(500, (error as Error).message));
    }
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    faults,
    setFaults: (settings) => Object.assign(faults, settings),
    clearCalls: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of openResponses) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

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

/** Options every sandbox provider accepts. */
export type SandboxFakeOptions = {
  /** The token clients must present; each fake has a fixed default (`sandbox-<kind>-token`). */
  token?: string;
  port?: number;
  seed?: number;
  faults?: Partial<FaultSettings>;
  /** How much data to generate; the seed documents' own samples are always included. */
  data?: { chats?: number; messagesPerChat?: number; bigChatMessages?: number };
};

export type InjectMessageInput = { chatExternalId?: string; text: string; authorName?: string };

/** A running sandbox provider, as demo mode and the tests drive it. */
export type SandboxFake = FakeServer & {
  kind: "tgbridge" | "smartsender" | "max" | "chatops";
  token: string;
  /** What the provider holds now, for exact comparisons with the cache. */
  snapshot: () => { chats: Array<{ externalId: string; messageExternalIds: string[] }> };
  /** A customer writes: a new inbound message (in a new chat when no id is given). */
  injectInboundMessage: (input: InjectMessageInput) => { chatExternalId: string; messageExternalId: string };
  /** Base URL, credentials and settings to store as a connection to this fake. */
  connection: () => { baseUrl: string; credentials: Record<string, string>; settings: Record<string, unknown> };
};
