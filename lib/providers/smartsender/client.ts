/**
 * HTTP client of the SmartSender API (https://api.smartsender.com by default).
 * Docs: docs/providers/seeds/001_4c7582a753ef1710.txt and docs/providers/smartsender.md.
 *
 * Rate limit: 180 requests per minute per project token. Every client of a token shares,
 * keyed by a hash of the token and set a little under the limit: the limiter (each request
 * holds its place until one window after its answer, see lib/providers/rate-limit.ts; a 429
 * pauses it for SmartSender's lockout, so no request is sent into a lockout, which would be a
 * further breach) and the breach counter.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { isProviderError, kindOfStatus, ProviderError } from "@/lib/providers/errors";
import { createHttpClient, type HttpRequest, parseRetryAfter } from "@/lib/providers/http";
import { sharedRateLimiter } from "@/lib/providers/rate-limit";
import { type LockoutPolicy, SMARTSENDER_LOCKOUT, sharedBreachCounter } from "@/lib/providers/smartsender/lockout";
import { errorCodeOf, errorMessageOf, isErrorBody, pageSchema, stateSchema } from "@/lib/providers/smartsender/wire";

const SMARTSENDER_REQUESTS_PER_MINUTE = 180;
const RATE_WINDOW_MS = 60_000;
/** The documented maximum of `limitation`: fewer, larger pages spend less of the rate budget. */
const PAGE_SIZE = 20;

export type ChatState = "open" | "closed";

export type SmartSenderClientOptions = {
  baseUrl: string;
  token: string | null;
  timeoutMs?: number;
  /** The provider's limit per window (180 per minute in production; tests shrink it). */
  requestsPerWindow?: number;
  rateWindowMs?: number;
  lockout?: LockoutPolicy;
};

/**
 * What we allow ourselves per window: 5% under the provider's count, because SmartSender
 * counts arrivals while we count departures, and network jitter can bunch requests up.
 */
function ownBudget(providerLimit: number): number {
  return Math.max(1, Math.floor(providerLimit * 0.95));
}

function tokenKey(token: string | null): string {
  return `smartsender:${createHash("sha256")
    .update(token ?? "")
    .digest("hex")}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isUnauthenticated(message: string | null): boolean {
  return message !== null && /^unauthenticated\.?$/i.test(message.trim());
}

/** SmartSender's "Unauthenticated" means a bad token whatever status carries it. */
function asAuthFailure(error: unknown): unknown {
  if (isProviderError(error) && error.kind !== "unauthorized" && isUnauthenticated(error.providerMessage)) {
    return new ProviderError("unauthorized", error.message, {
      status: error.status,
      providerMessage: error.providerMessage,
      cause: error,
    });
  }
  return error;
}

/**
 * `X-Rate-Limit`, whose format SmartSender does not document ("You can control the number of
 * requests allowed with the X-Rate-Limit header"): a bare count (`173`), or a pair (`173/180`,
 * `180, 173`) whose numbers are both within the 180 limit, the smaller being what is left.
 * Anything else says nothing. Only used to slow down (docs/providers/smartsender.md).
 */
export function remainingFromRateLimitHeader(value: string | null): number | null {
  if (value === null) return null;
  const numbers = value.trim().split(/\s*[/,;]\s*/);
  if (numbers.length > 2 || numbers.some((part) => !/^\d{1,6}$/.test(part))) return null;
  const parsed = numbers.map(Number);
  if (parsed.length === 2 && parsed.some((number) => number > SMARTSENDER_REQUESTS_PER_MINUTE)) return null;
  return Math.min(...parsed);
}

export function createSmartSenderClient(options: SmartSenderClientOptions) {
  const key = tokenKey(options.token);
  const budget = {
    limit: ownBudget(options.requestsPerWindow ?? SMARTSENDER_REQUESTS_PER_MINUTE),
    windowMs: options.rateWindowMs ?? RATE_WINDOW_MS,
  };
  const limiter = sharedRateLimiter(key, budget);
  const breaches = sharedBreachCounter(key, options.lockout ?? SMARTSENDER_LOCKOUT);
  const http = createHttpClient({
    provider: "SmartSender",
    baseUrl: options.baseUrl,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    limiter,
    remainingOf: (headers) => remainingFromRateLimitHeader(headers.get("x-rate-limit")),
    timeoutMs: options.timeoutMs,
    errorMessageOf: (body) => errorMessageOf(body),
    retryAfterOf: (response) => breaches.breach(parseRetryAfter(response.headers.get("retry-after"))),
  });

  /** Sends a request and returns its JSON body; an `error` body is an error even with a 2xx status. */
  async function sendForBody(request: HttpRequest): Promise<{ body: unknown; text: string }> {
    let text: string;
    let status: number;
    try {
      const response = await http.send(request);
      text = response.text;
      status = response.status;
    } catch (error) {
      throw asAuthFailure(error);
    }
    const body = parseJson(text);
    if (isErrorBody(body)) {
      const providerMessage = errorMessageOf(body);
      // The body's code says what the (2xx) status did not: 403 "the project token is wrong", 404 no such contact.
      const code = errorCodeOf(body);
      const byCode = code === null ? "bad_request" : code === 403 ? "unauthorized" : kindOfStatus(code);
      throw new ProviderError(
        isUnauthenticated(providerMessage) ? "unauthorized" : byCode,
        `SmartSender answered ${status} with an error${providerMessage ? `: ${providerMessage}` : ""}`,
        { status, providerMessage },
      );
    }
    return { body, text };
  }

  async function json<T extends z.ZodType>(request: HttpRequest, schema: T): Promise<z.output<T>> {
    const { body, text } = await sendForBody(request);
    return http.parseWith(schema, body, text === "" ? "an empty body" : "a body that is not JSON", request);
  }

  async function expectState(request: HttpRequest): Promise<void> {
    const { state } = await json(request, stateSchema);
    if (!state) {
      throw new ProviderError("bad_request", `SmartSender refused ${request.method} ${request.path} (state: false)`);
    }
  }

  const chatPath = (chatId: string) => `/v1/chats/${encodeURIComponent(chatId)}`;

  return {
    listChats: (page: number, state: ChatState, signal?: AbortSignal) =>
      json({ path: "/v1/chats", query: { page, limitation: PAGE_SIZE, state }, signal }, pageSchema),

    /**
     * "only unread chats" (Chats API `selector[name]=unread`) in one state: both are documented
     * filters of the same request, and a Chat object does not say whether it is closed.
     */
    listUnreadChats: (page: number, state: ChatState, signal?: AbortSignal) =>
      json(
        { path: "/v1/chats", query: { page, limitation: PAGE_SIZE, state, "selector[name]": "unread" }, signal },
        pageSchema,
      ),

    /**
     * The chat as sent: a body that is no JSON object is "malformed"; an object is read by the
     * adapter with `chatSchema`, one that fails it being a "bad_item".
     */
    getChat: (chatId: string, signal?: AbortSignal) =>
      json({ path: chatPath(chatId), signal }, z.record(z.string(), z.unknown())),

    /** Newest first; `activities=1` (Laravel's boolean form) includes internal entries. */
    listMessages: (chatId: string, page: number, signal?: AbortSignal) =>
      json(
        { path: `${chatPath(chatId)}/messages`, query: { page, limitation: PAGE_SIZE, activities: 1 }, signal },
        pageSchema,
      ),

    readChat: (chatId: string, signal?: AbortSignal) =>
      expectState({ method: "PUT", path: `${chatPath(chatId)}/read`, signal }),

    closeChat: (chatId: string, signal?: AbortSignal) =>
      expectState({ method: "PUT", path: `${chatPath(chatId)}/close`, signal }),

    /**
     * Sends a text to a contact. A 2xx whose body is not a Message still means "sent": it
     * is read by the adapter, which keeps "sent" even when the echo is unreadable, so the
     * outbox does not send the text twice.
     */
    async sendText(contactId: string, text: string, signal?: AbortSignal): Promise<unknown> {
      const { body } = await sendForBody({
        method: "POST",
        path: `/v1/contacts/${encodeURIComponent(contactId)}/send`,
        json: { type: "text", content: text },
        signal,
      });
      return body;
    },

    /**
     * A picture or a document by URL (providers.md: `media` for media types): SmartSender downloads
     * it from there. Not retried on a lost answer either, as `sendText`.
     */
    async sendMedia(contactId: string, type: "picture" | "file", url: string, signal?: AbortSignal): Promise<unknown> {
      const { body } = await sendForBody({
        method: "POST",
        path: `/v1/contacts/${encodeURIComponent(contactId)}/send`,
        json: { type, media: url },
        signal,
      });
      return body;
    },
  };
}
