import type { z } from "zod";
import { kindOfStatus, ProviderError } from "@/lib/providers/errors";
import type { RateLimiter } from "@/lib/providers/rate-limit";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type HttpRequest = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Joined to the base URL; may contain its own query string. */
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
};

export type HttpResponse = { status: number; headers: Headers; text: string; contentType: string };

export type HttpClientOptions = {
  /** Provider name for messages, e.g. "SmartSender". */
  provider: string;
  baseUrl: string;
  /** Headers sent with every request (auth). */
  headers?: Record<string, string>;
  limiter?: RateLimiter;
  /** Requests the provider still allows in its current window, read from an answer's headers (null: not said). */
  remainingOf?: (headers: Headers) => number | null;
  timeoutMs?: number;
  /** Pulls the provider's own error text out of an error body. */
  errorMessageOf?: (body: unknown, text: string) => string | null;
  /** How long a 429 asks us to wait, when the provider says so in its own way. */
  retryAfterOf?: (response: HttpResponse) => number | null;
};

export function buildUrl(baseUrl: string, path: string, query?: HttpRequest["query"]): URL {
  const url = new URL(path.replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  return url;
}

/** Seconds or an HTTP date, as RFC 9110 allows. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One HTTP client per provider connection: base URL, auth headers, rate limit, timeout, and
 * every failure turned into a typed ProviderError. Adapters only compose its calls.
 */
export function createHttpClient(options: HttpClientOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const url = buildUrl(options.baseUrl, request.path, request.query);
    const finished = await options.limiter?.acquire(request.signal);
    const timeout = AbortSignal.timeout(request.timeoutMs ?? timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    // A Headers object merges names case-insensitively, so "Accept" from a caller replaces our "accept".
    const headers = new Headers({ accept: "application/json" });
    if (request.json !== undefined) headers.set("content-type", "application/json");
    for (const extra of [options.headers, request.headers]) {
      for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
    }
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: request.method ?? "GET",
        headers,
        body: request.json !== undefined ? JSON.stringify(request.json) : undefined,
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      if (timeout.aborted) {
        throw new ProviderError(
          "timeout",
          `${options.provider} did not answer within ${request.timeoutMs ?? timeoutMs} ms`,
          {
            cause: error,
          },
        );
      }
      throw new ProviderError("network", `${options.provider} could not be reached: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      finished?.();
    }
    const remaining = options.remainingOf?.(response.headers) ?? null;
    if (remaining !== null) options.limiter?.capRemaining(remaining);
    const result: HttpResponse = {
      status: response.status,
      headers: response.headers,
      text,
      contentType: response.headers.get("content-type") ?? "",
    };
    if (response.status >= 400) throw errorFor(result);
    return result;
  }

  function errorFor(response: HttpResponse): ProviderError {
    const kind = kindOfStatus(response.status);
    const body = tryParseJson(response.text);
    const providerMessage = options.errorMessageOf?.(body, response.text) ?? null;
    let retryAfterMs: number | null = null;
    if (kind === "rate_limited") {
      retryAfterMs = options.retryAfterOf?.(response) ?? parseRetryAfter(response.headers.get("retry-after"));
      if (retryAfterMs !== null) options.limiter?.pauseUntil(Date.now() + retryAfterMs);
    }
    const detail = providerMessage ? `: ${providerMessage}` : "";
    return new ProviderError(kind, `${options.provider} answered ${response.status}${detail}`, {
      status: response.status,
      retryAfterMs,
      providerMessage,
    });
  }

  /** Sends a request and validates the JSON body with `schema`; a mismatch is a "malformed" error. */
  async function json<T extends z.ZodType>(request: HttpRequest, schema: T): Promise<z.output<T>> {
    const response = await send(request);
    return parseWith(
      schema,
      tryParseJson(response.text),
      response.text === "" ? "an empty body" : "a body that is not JSON",
      request,
    );
  }

  function parseWith<T extends z.ZodType>(
    schema: T,
    value: unknown,
    whatItWas: string,
    request: HttpRequest,
  ): z.output<T> {
    if (value === undefined) {
      throw new ProviderError(
        "malformed",
        `${options.provider} sent ${whatItWas} for ${request.method ?? "GET"} ${request.path}`,
      );
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join(".") || "body"}: ${first.message}` : "unknown mismatch";
      throw new ProviderError(
        "malformed",
        `${options.provider} sent an unexpected body for ${request.method ?? "GET"} ${request.path} (${where})`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  }

  return { send, json, parseWith };
}

export type HttpClient = ReturnType<typeof createHttpClient>;
