/**
 * A sandbox SmartSender: a real HTTP server answering the documented endpoints with the
 * documented shapes, auth, paging, error bodies and rate limit.
 * Docs: ../shared/seeds/001_4c7582a753ef1710.txt and ../shared/providers.md §1.
 * Written from the documents; it does not import the adapter, client or mapper.
 * Every authenticated answer carries `X-Rate-Limit: <requests per minute>` (our choice).
 */
import { personName } from "@/sandbox/core/corpus";
import { bearerToken, type FakeResponse, ok } from "@/sandbox/core/http";
import {
  type InjectMessageInput,
  type SandboxFake,
  type SandboxFakeOptions,
  SandboxInputError,
  startProviderSandbox,
} from "@/sandbox/core/provider";
import {
  createFakeRateLimit,
  DOCUMENTED_RATE_LIMIT,
  type FakeRateLimitSettings,
  type RateStats,
} from "@/sandbox/smartsender/rate-limit";
import { error, route } from "@/sandbox/smartsender/routes";
import { buildStore } from "@/sandbox/smartsender/seed";
import { addInboundText, newChat, type SmartSenderStore } from "@/sandbox/smartsender/store";

export type SmartSenderFakeOptions = SandboxFakeOptions & {
  /** The documented limit unless overridden (tests shrink the numbers to run fast). */
  rateLimit?: Partial<FakeRateLimitSettings>;
};

export type SmartSenderFake = SandboxFake & {
  /** Requests answered per minute and the most answered in any window (also `GET /__sandbox/rate`). */
  rateStats: () => RateStats;
};

function injectInto(store: SmartSenderStore, input: InjectMessageInput) {
  const existing = input.chatExternalId === undefined ? undefined : store.chats.get(Number(input.chatExternalId));
  if (input.chatExternalId !== undefined && !existing) {
    throw new SandboxInputError(404, `SmartSender sandbox has no chat ${input.chatExternalId}`);
  }
  const chat = existing ?? newChat(store, input.authorName ?? personName(store.rng), Date.now());
  const message = addInboundText(store, chat, input.text, input.authorName ?? null);
  return { chatExternalId: String(chat.chat.id), messageExternalId: String(message.id) };
}

export async function startSmartSenderFake(options: SmartSenderFakeOptions = {}): Promise<SmartSenderFake> {
  const limits = createFakeRateLimit({ ...DOCUMENTED_RATE_LIMIT, ...options.rateLimit });
  const rateHeaders = { "X-Rate-Limit": String(limits.settings.perMinute) };
  const rateLimited = (lockoutMs: number): FakeResponse => ({
    ...error(429, "Too Many Attempts."),
    headers: {
      ...rateHeaders,
      ...(limits.settings.sendRetryAfter ? { "Retry-After": String(Math.ceil(lockoutMs / 1000)) } : {}),
    },
  });
  const fake = await startProviderSandbox("smartsender", options, 4242, ({ baseUrl, token, seed }) => {
    const store = buildStore({
      seed,
      baseUrl,
      chats: options.data?.chats ?? 36,
      messagesPerChat: options.data?.messagesPerChat,
      bigChatMessages: options.data?.bigChatMessages ?? 300,
    });
    return {
      handle(request) {
        if (bearerToken(request.headers) !== token) return error(401, "Unauthenticated");
        const admission = limits.admit(token);
        if (!admission.allowed) return rateLimited(admission.lockoutMs);
        const response = route(store, request);
        return { ...response, headers: { ...rateHeaders, ...response.headers } };
      },
      errorBody: error,
      rateLimited: () => rateLimited(limits.settings.lockoutMs),
      malformed: () => ok({ cursor: "page one", collection: [{ id: "not a chat" }], state: "yes" }),
      control: { rate: () => ok(limits.stats()) },
      snapshot: () => ({
        chats: [...store.chats.values()]
          .sort((a, b) => a.chat.id - b.chat.id)
          .map((chat) => ({
            externalId: String(chat.chat.id),
            messageExternalIds: chat.messages.map((message) => String(message.id)),
          })),
      }),
      injectInboundMessage: (input) => injectInto(store, input),
    };
  });
  return { ...fake, rateStats: limits.stats };
}
