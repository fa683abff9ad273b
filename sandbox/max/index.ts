/**
 * The MAX Bot API sandbox: a real HTTP server with MAX's auth (`Authorization: <token>`, no
 * "Bearer"; the `access_token` query is refused), its 30 requests/second limit, its error
 * bodies, long polling and seeded data. Written from the documents, not from the adapter:
 * seed docs/providers/seeds/003_1ec703991a94c4d2.txt and docs/providers/max.md.
 */
import invalidToken from "@/lib/providers/max/fixtures/error-invalid-token.json";
import type { FakeRequest, FakeResponse } from "@/sandbox/core/http";
import { type SandboxFake, type SandboxFakeOptions, startProviderSandbox } from "@/sandbox/core/provider";
import { slidingWindow } from "@/sandbox/core/sliding-window";
import { injectInbound } from "@/sandbox/max/live";
import { maxError, maxRoutes } from "@/sandbox/max/routes";
import { createWorld, DEFAULT_SIZE } from "@/sandbox/max/seed";
import { seedChat } from "@/sandbox/max/seed-chat";
import { createWebhookHub, type WebhookHub } from "@/sandbox/max/subscriptions";
import { createUpdateLog } from "@/sandbox/max/updates";
import { createUploadService, UPLOAD_PATH } from "@/sandbox/max/uploads";

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

export type MaxFakeOptions = SandboxFakeOptions & {
  /** MAX since 2026-05-07: a marker-less GET /updates answers only the last update (see updates.ts). */
  markerlessGivesLast?: boolean;
  /** The first message naming a freshly uploaded file is answered `attachment.not.ready`. */
  attachmentsNotReadyOnce?: boolean;
};

export type MaxSandboxFake = SandboxFake & { webhooks: WebhookHub };

export async function startMaxFake(options: MaxFakeOptions = {}): Promise<MaxSandboxFake> {
  const webhooks = createWebhookHub();
  const fake = await startProviderSandbox("max", options, 1, ({ baseUrl, token, seed }) => {
    const overLimit = slidingWindow(RATE_LIMIT);
    const size = { ...DEFAULT_SIZE, ...options.data };
    // The data links to media on this server, so it is made once the address is known.
    const world = createWorld(baseUrl, seed, {
      chats: size.chats,
      messagesPerChat: size.messagesPerChat ?? null,
      bigChatMessages: size.bigChatMessages,
    });
    const log = createUpdateLog(world.history, { markerlessGivesLast: options.markerlessGivesLast });
    world.emit = (...updates) => {
      for (const update of updates) {
        log.append(update);
        webhooks.deliver(update);
      }
    };
    const uploads = createUploadService(baseUrl, { notReadyOnce: options.attachmentsNotReadyOnce ?? false });
    const routes = maxRoutes(world, log, webhooks, uploads);
    return {
      handle: (request) => {
        // The upload URL itself takes no token (docs/providers/max.md "Sending files").
        const upload = request.method === "POST" ? UPLOAD_PATH.exec(request.path) : null;
        if (upload) return uploads.receive(request, upload[1] as string);
        if (!authorized(request, token)) return errorBody(401, "Invalid access_token");
        if (overLimit() !== null) return tooManyRequests();
        return routes(request);
      },
      errorBody,
      rateLimited: tooManyRequests,
      malformed: malformedBodies(),
      control: { uploads: () => ({ status: 200, json: uploads.uploaded }) },
      snapshot: () => ({
        chats: [...world.chats.values()].map((record) => ({
          externalId: String(record.chat.chat_id),
          messageExternalIds: record.messages.map((message) => message.body.mid),
        })),
      }),
      injectInboundMessage: (input) => injectInbound(world, input),
      seedChat: (input) => seedChat(world, input),
      beforeClose: log.releaseAll,
    };
  });
  return { ...fake, webhooks };
}
