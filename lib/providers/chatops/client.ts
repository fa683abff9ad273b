/**
 * HTTP client of the Chat operations API (a chat manager; base URL per installation).
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 *
 * Auth: `Authorization: Bearer <token>`. Rate limit: none is documented. Every client of a
 * token on one installation shares a sliding-window limiter (keyed by a hash of base URL and
 * token) at a conservative default, and a 429 that says how long to wait (Retry-After) pauses
 * that limiter and is retried after the wait, a few times, when the wait is short.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  type ChatOpsChatPage,
  chatPageSchema,
  createdIdOf,
  errorMessageOf,
  invitationSchema,
} from "@/lib/providers/chatops/wire";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import { createHttpClient } from "@/lib/providers/http";
import { type RateLimitOptions, sharedRateLimiter } from "@/lib/providers/rate-limit";

const CHATS = "/api/v1/private/chats";
/** The documented maximum page size: the fewest requests for a full walk. */
const MAX_PAGE_SIZE = 200;
/** A guess (nothing is documented): 10 requests a second per token and installation. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 10, windowMs: 1_000 };
/** A 429 asking for a longer wait than this is handed to the caller (the sync or outbox retries later). */
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 30_000;
const MAX_RATE_LIMIT_RETRIES = 2;

const CREATED_BY_MAX_LENGTH = 50;
const DESCRIPTION_MAX_LENGTH = 255;

export type ChatOpsClientOptions = {
  baseUrl: string;
  token: string | null;
  timeoutMs?: number;
  rateLimit?: RateLimitOptions;
  maxRateLimitWaitMs?: number;
};

export type CreateChatInput = { title: string; description?: string; createdBy?: string };

function limiterKey(baseUrl: string, token: string | null): string {
  return `chatops:${createHash("sha256")
    .update(`${baseUrl}\n${token ?? ""}`)
    .digest("hex")}`;
}

/** The documents give lengths as string(50)/string(255): counted in characters, not UTF-16 units. */
function characterCount(text: string): number {
  return [...text].length;
}

/** Refuses, before any request, what the documents say the API would refuse. */
function checkCreateChatInput(input: CreateChatInput): void {
  if (input.title.trim() === "") throw new ProviderError("invalid_input", "A chat needs a title");
  if (input.createdBy !== undefined && characterCount(input.createdBy) > CREATED_BY_MAX_LENGTH) {
    throw new ProviderError("invalid_input", `"Created by" must be at most ${CREATED_BY_MAX_LENGTH} characters`);
  }
  if (input.description !== undefined && characterCount(input.description) > DESCRIPTION_MAX_LENGTH) {
    throw new ProviderError("invalid_input", `The description must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
  }
}

const segment = (id: string) => encodeURIComponent(id);

/** A body that must be a JSON object (anything else is "malformed"); its contents are read as an item. */
const jsonObject = z.record(z.string(), z.unknown());

export function createChatOpsClient(options: ChatOpsClientOptions) {
  const maxWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  const http = createHttpClient({
    provider: "Chat operations API",
    baseUrl: options.baseUrl,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    limiter: sharedRateLimiter(limiterKey(options.baseUrl, options.token), options.rateLimit ?? DEFAULT_RATE_LIMIT),
    timeoutMs: options.timeoutMs,
    errorMessageOf,
  });

  /** Retries a call the provider rate-limited, after the wait it asked for (a 429 processed nothing). */
  async function patiently<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const waitMs = isProviderError(error, "rate_limited") ? error.retryAfterMs : null;
        if (waitMs === null || waitMs > maxWaitMs || attempt >= MAX_RATE_LIMIT_RETRIES) throw error;
        // The http kit has paused the shared limiter until then: the retry waits in line.
      }
    }
  }

  return {
    /** One page (from 0) of every chat, oldest first, so chats created during a walk land on later pages. */
    listChats(page: number, signal?: AbortSignal): Promise<ChatOpsChatPage> {
      return patiently(() =>
        http.json(
          {
            path: `${CHATS}/`,
            query: { page, size: MAX_PAGE_SIZE, sort: "registeredAt" },
            signal,
          },
          chatPageSchema,
        ),
      );
    },

    /** The chat as sent (a JSON object); the adapter reads it with `chatSchema`. */
    getChat(chatId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
      return patiently(() => http.json({ path: `${CHATS}/${segment(chatId)}`, signal }, jsonObject));
    },

    async removeParticipant(chatId: string, participantId: string, signal?: AbortSignal): Promise<void> {
      // 202 "Participant removed and the ID of the Chat": nothing in the body we need.
      await patiently(() =>
        http.send({
          method: "DELETE",
          path: `${CHATS}/${segment(chatId)}/participants/${segment(participantId)}`,
          signal,
        }),
      );
    },

    async invitation(chatId: string, signal?: AbortSignal): Promise<string | null> {
      const answer = await patiently(() =>
        http.json({ path: `${CHATS}/${segment(chatId)}/invitation`, signal }, invitationSchema),
      );
      return answer.invitation?.trim() || null;
    },

    async createChat(input: CreateChatInput, signal?: AbortSignal): Promise<string> {
      checkCreateChatInput(input);
      const request = {
        method: "POST" as const,
        path: CHATS,
        json: { title: input.title, createdBy: input.createdBy, description: input.description },
        signal,
      };
      const response = await patiently(() => http.send(request));
      const id = createdIdOf(response.text);
      if (id === null) {
        throw new ProviderError("malformed", `Chat operations API created a chat but sent no id (${response.status})`);
      }
      return id;
    },

    /** Posts a text; the id of the new message when the 201 carries one. */
    async postMessage(chatId: string, text: string, signal?: AbortSignal): Promise<string | null> {
      const response = await patiently(() =>
        http.send({ method: "POST", path: `${CHATS}/${segment(chatId)}/messages`, json: { text }, signal }),
      );
      return createdIdOf(response.text);
    },

    /** The message as sent (a JSON object); the adapter reads it with `messageSchema`. */
    getMessage(chatId: string, messageId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
      return patiently(() =>
        http.json({ path: `${CHATS}/${segment(chatId)}/messages/${segment(messageId)}`, signal }, jsonObject),
      );
    },
  };
}
