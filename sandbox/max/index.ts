/**
 * The MAX Bot API sandbox: a real HTTP server with MAX's auth (`Authorization: <token>`, no
 * "Bearer"; the `access_token` query is refused), its 30 requests/second limit, its error
 * bodies, long polling and seeded data. Written from the documents, not from the adapter:
 * seed ../shared/seeds/003_1ec703991a94c4d2.txt and ../shared/providers.md §2.
 */

import invalidToken from "@/lib/providers/max/fixtures/error-invalid-token.json";
import {
  type FakeRequest,
  type FakeResponse,
  type InjectMessageInput,
  type SandboxFake,
  type SandboxFakeOptions,
  startFakeServer,
} from "@/sandbox/core/server";
import { injectInbound, SandboxInputError } from "@/sandbox/max/live";
import { maxError, maxRoutes } from "@/sandbox/max/routes";
import { createWorld, DEFAULT_SIZE } from "@/sandbox/max/seed";
import { createUpdateLog } from "@/sandbox/max/updates";
import type { World } from "@/sandbox/max/wire";

export const DEFAULT_MAX_TOKEN = "sandbox-max-token";

const RATE_LIMIT = { limit: 30, windowMs: 1_000 };

const ERROR_CODES: Record<number, string> = {
  400: "proto.payload",
  403: "access.denied",
  404: "not.found",
  405: "method.not.allowed",
  429: "too.many.requests",
  500: "internal.error",
  503: "service.unavailable",
};

function errorBody(status: number, message: string): FakeResponse {
  if (status === 401) return { status, json: invalidToken };
  return maxError(status, ERROR_CODES[status] ?? "internal.error", message);
}

function tooManyRequests(): FakeResponse {
  return maxError(429, "too.many.requests", `Too many requests: at most ${RATE_LIMIT.limit} per second`);
}

/** Alternately a body cut short and JSON that breaks every documented shape. */
function malformedBodies(): () => FakeResponse {
  let count = 0;
  return () => {
    count += 1;
    return count % 2 === 1
      ? { status: 200, text: '{"chat_id": -7040000, "title": "Обрыв', contentType: "application/json; charset=utf-8" }
      : { status: 200, json: { result: "ok", data: [] } };
  };
}

/** Only the header counts: the seed says the query `access_token` is no longer accepted. */
function authorized(request: FakeRequest, token: string): boolean {
  return !request.query.has("access_token") && request.headers.authorization === token;
}

function slidingWindow({ limit, windowMs }: typeof RATE_LIMIT) {
  const sent: number[] = [];
  return () => {
    const now = Date.now();
    while (sent.length > 0 && (sent[0] as number) <= now - windowMs) sent.shift();
    if (sent.length >= limit) return false;
    sent.push(now);
    return true;
  };
}

function parseInject(body: unknown): InjectMessageInput | null {
  if (typeof body !== "object" || body === null) return null;
  const { chatExternalId, text, authorName } = body as Record<string, unknown>;
  if (typeof text !== "string" || text.trim() === "") return null;
  if (chatExternalId !== undefined && chatExternalId !== null && typeof chatExternalId !== "string") return null;
  if (authorName !== undefined && authorName !== null && typeof authorName !== "string") return null;
  return { text, chatExternalId: chatExternalId ?? undefined, authorName: authorName ?? undefined };
}

export async function startMaxFake(options: SandboxFakeOptions = {}): Promise<SandboxFake> {
  const token = options.token ?? DEFAULT_MAX_TOKEN;
  const withinLimit = slidingWindow(RATE_LIMIT);
  const state: { world?: World; handle?: ReturnType<typeof maxRoutes> } = {};
  const log = createUpdateLog([]);

  const inject = (input: InjectMessageInput) => {
    if (!state.world) throw new Error("The MAX sandbox is not ready yet");
    return injectInbound(state.world, log, input);
  };

  const server = await startFakeServer({
    name: "max",
    seed: options.seed,
    port: options.port,
    faults: options.faults,
    errorBody,
    rateLimited: tooManyRequests,
    malformed: malformedBodies(),
    handle: (request) => {
      if (!authorized(request, token)) return errorBody(401, "Invalid access_token");
      if (!withinLimit()) return tooManyRequests();
      return state.handle?.(request);
    },
    control: {
      "inject-message": (request) => {
        const input = parseInject(request.body);
        if (!input) return maxError(400, "proto.payload", "Send {chatExternalId?, text, authorName?}");
        try {
          return { status: 200, json: inject(input) };
        } catch (error) {
          if (error instanceof SandboxInputError) return maxError(error.status, error.code, error.message);
          throw error;
        }
      },
    },
  });

  // The data links to media on this server, so it is made once the address is known.
  const size = { ...DEFAULT_SIZE, ...options.data };
  const world = createWorld(server.url, options.seed ?? 1, {
    chats: size.chats,
    messagesPerChat: size.messagesPerChat ?? null,
    bigChatMessages: size.bigChatMessages,
  });
  for (const update of world.history) log.append(update);
  state.world = world;
  state.handle = maxRoutes(world, log);

  return {
    ...server,
    kind: "max",
    token,
    snapshot: () => ({
      chats: [...world.chats.values()].map((record) => ({
        externalId: String(record.chat.chat_id),
        messageExternalIds: record.messages.map((message) => message.body.mid),
      })),
    }),
    injectInboundMessage: inject,
    connection: () => ({ baseUrl: server.url, credentials: { token }, settings: {} }),
    close: async () => {
      log.releaseAll();
      await server.close();
    },
  };
}
