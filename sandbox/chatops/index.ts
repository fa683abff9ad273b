/**
 * A sandbox Chat operations API (chat manager): a real HTTP server on loopback serving the
 * documented endpoints with Bearer auth, paging, Spring-style error bodies and seeded data.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md.
 *
 * Choices the documents leave open (each a documented-plausible form):
 * - How 201/202 answers carry the id: `idFormat` (see routes.ts).
 * - No rate limit is documented; `rateLimit` makes the fake enforce one (429 + Retry-After).
 * - Messages are stored and can be read by id, but no message list exists, so a message added
 *   with `injectInboundMessage` cannot be discovered by a client: only `snapshot()` shows it.
 */
import { inDefaultOrder } from "@/sandbox/chatops/list";
import { chatOpsRoutes, type IdFormat } from "@/sandbox/chatops/routes";
import { buildStore, DEFAULT_SIZE } from "@/sandbox/chatops/seed";
import { seedChat } from "@/sandbox/chatops/seed-chat";
import { injectInbound } from "@/sandbox/chatops/store";
import { springError } from "@/sandbox/chatops/wire";
import { bearerToken, type FakeResponse } from "@/sandbox/core/http";
import { type SandboxFake, type SandboxFakeOptions, startProviderSandbox } from "@/sandbox/core/provider";
import { slidingWindow } from "@/sandbox/core/sliding-window";

export type ChatOpsFakeOptions = SandboxFakeOptions & {
  /** How 201/202 answers carry the id (undocumented). Default "json-string". */
  idFormat?: IdFormat;
  /** Enforce a rate limit (none is documented): over it, 429 with Retry-After in seconds. */
  rateLimit?: { limit: number; windowMs: number };
};

const tooManyRequests = (retryAfterSeconds: number): FakeResponse => ({
  ...springError(429, "Too many requests"),
  headers: { "retry-after": String(retryAfterSeconds) },
});

export function startChatOpsFake(options: ChatOpsFakeOptions = {}): Promise<SandboxFake> {
  return startProviderSandbox("chatops", options, 4, ({ token, seed }) => {
    const store = buildStore(seed, { ...DEFAULT_SIZE, ...options.data });
    const routes = chatOpsRoutes(store, options.idFormat ?? "json-string");
    const overLimit = options.rateLimit ? slidingWindow(options.rateLimit) : () => null;
    return {
      handle(request) {
        if (bearerToken(request.headers) !== token) {
          return springError(401, "Full authentication is required to access this resource", request.path);
        }
        const waitMs = overLimit();
        if (waitMs !== null) return tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
        return routes(request);
      },
      errorBody: (status, message) => springError(status, message),
      rateLimited: () => tooManyRequests(1),
      snapshot: () => ({
        chats: inDefaultOrder(store.chats.values()).map((chat) => ({
          externalId: chat.id,
          messageExternalIds: [...(store.messages.get(chat.id)?.keys() ?? [])],
        })),
      }),
      injectInboundMessage: (input) => injectInbound(store, input),
      seedChat: (input) => seedChat(store, input),
    };
  });
}
