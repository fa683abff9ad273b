/**
 * HTTP for the MAX Bot API endpoints the inbox uses. Docs: seed
 * docs/providers/seeds/003_1ec703991a94c4d2.txt (GET /chats/{chatLink}, the header-only token) and
 * docs/providers/max.md (base URL https://platform-api2.max.ru, errors `{code, message}`,
 * 30 requests per second, the endpoint table). GET /chats is retired and deliberately absent.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { isProviderError } from "@/lib/providers/errors";
import { createHttpClient, DEFAULT_TIMEOUT_MS, type HttpRequest, parseRetryAfter } from "@/lib/providers/http";
import {
  botInfoSchema,
  chatAnswerSchema,
  errorBodySchema,
  membersPageSchema,
  messagesPageSchema,
  sentMessageSchema,
  simpleResultSchema,
  subscriptionsSchema,
  updatesPageSchema,
  uploadUrlSchema,
} from "@/lib/providers/max/schemas";
import { sharedRateLimiter } from "@/lib/providers/rate-limit";

/**
 * MAX allows 30 requests per second. The window is a little longer than a second so that the
 * few milliseconds between our count and the provider's never push a burst over its limit.
 */
export const MAX_RATE_LIMIT = { limit: 30, windowMs: 1_100 };

/** MAX documents no Retry-After: a 429 means "this second is used up", so wait one window. */
const RATE_LIMIT_WAIT_MS = 1_000;
/** A 429 is retried this many times (each after the wait) before it reaches the caller. */
const RATE_LIMIT_RETRIES = 2;

export type MaxClientOptions = { baseUrl: string; token: string; timeoutMs?: number };

export type MessagesQuery = { chatId: string; from: number | null; count: number };

export type UpdatesQuery = { marker: string | null; limit: number; timeoutSec: number; types?: string[] };

/** `POST /subscriptions` (docs/providers/max.md "Webhooks"). */
export type SubscriptionBody = { url: string; update_types: string[]; secret: string };

export type NewMessageBody = {
  text?: string;
  /** Uploaded files by their tokens (POST /uploads, then the upload). */
  attachments?: Array<{ type: "image" | "file"; payload: { token: string } }>;
  link?: { type: "reply" | "forward"; mid: string };
  notify?: boolean;
  format?: "markdown" | "html";
};

/** MAX's code for a file it is still processing: the message may name it a little later. */
export const ATTACHMENT_NOT_READY = "attachment.not.ready";

function providerMessageOf(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  // This one code is what the caller acts on (it retries), so it is what the error carries.
  if (parsed.data.code === ATTACHMENT_NOT_READY) return ATTACHMENT_NOT_READY;
  return parsed.data.message ?? parsed.data.code ?? null;
}

export function createMaxClient(options: MaxClientOptions) {
  const tokenHash = createHash("sha256").update(options.token).digest("hex").slice(0, 16);
  const http = createHttpClient({
    provider: "MAX",
    baseUrl: options.baseUrl,
    // The seed: "Authorization: <token>", with no "Bearer"; the access_token query is refused.
    headers: { authorization: options.token },
    limiter: sharedRateLimiter(`max:${tokenHash}`, MAX_RATE_LIMIT),
    timeoutMs: options.timeoutMs,
    errorMessageOf: providerMessageOf,
    retryAfterOf: (response) => parseRetryAfter(response.headers.get("retry-after")) ?? RATE_LIMIT_WAIT_MS,
  });
  const baseTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** The http kit pauses the shared limiter after a 429, so the retry's own turn waits it out. */
  async function call<T extends z.ZodType>(request: HttpRequest, schema: T): Promise<z.output<T>> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await http.json(request, schema);
      } catch (error) {
        if (!isProviderError(error, "rate_limited") || attempt >= RATE_LIMIT_RETRIES) throw error;
      }
    }
  }

  return {
    getMe: (signal?: AbortSignal) => call({ path: "/me", signal }, botInfoSchema),

    /** `chatId` is an int64 (may be negative); callers check it, or the path would read as a link. */
    getChat: (chatId: string, signal?: AbortSignal) => call({ path: `/chats/${chatId}`, signal }, chatAnswerSchema),

    /** `chatLink` must already match the seed's pattern. */
    getChatByLink: (chatLink: string, signal?: AbortSignal) =>
      call({ path: `/chats/${chatLink}`, signal }, chatAnswerSchema),

    getMembers: (chatId: string, marker: number | null, count: number, signal?: AbortSignal) =>
      call({ path: `/chats/${chatId}/members`, query: { count, marker }, signal }, membersPageSchema),

    /** Newest first; `from` is the newest time wanted (MAX: `to` must be less than `from`). */
    getMessages: (query: MessagesQuery, signal?: AbortSignal) =>
      call(
        { path: "/messages", query: { chat_id: query.chatId, from: query.from, count: query.count }, signal },
        messagesPageSchema,
      ),

    sendMessage: (chatId: string, body: NewMessageBody, signal?: AbortSignal) =>
      call({ method: "POST", path: "/messages", query: { chat_id: chatId }, json: body, signal }, sentMessageSchema),

    /** `POST /uploads?type=`: where to upload one file (docs/providers/max.md "Sending files"). */
    uploadUrl: (type: "image" | "file", signal?: AbortSignal) =>
      call({ method: "POST", path: "/uploads", query: { type }, signal }, uploadUrlSchema),

    /** Webhook mode: MAX POSTs each update to `url` with `secret` in X-Max-Bot-Api-Secret. */
    subscribe: (body: SubscriptionBody, signal?: AbortSignal) =>
      call({ method: "POST", path: "/subscriptions", json: body, signal }, simpleResultSchema),

    listSubscriptions: (signal?: AbortSignal) => call({ path: "/subscriptions", signal }, subscriptionsSchema),

    unsubscribe: (url: string, signal?: AbortSignal) =>
      call({ method: "DELETE", path: "/subscriptions", query: { url }, signal }, simpleResultSchema),

    /** Long polling: the request may stay open `timeoutSec`, so its own timeout is that much longer. */
    getUpdates: (query: UpdatesQuery, signal?: AbortSignal) =>
      call(
        {
          path: "/updates",
          query: {
            marker: query.marker,
            limit: query.limit,
            timeout: query.timeoutSec,
            types: query.types?.join(","),
          },
          timeoutMs: query.timeoutSec * 1000 + baseTimeoutMs,
          signal,
        },
        updatesPageSchema,
      ),
  };
}
