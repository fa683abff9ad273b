import { bearerToken, type FakeResponse, ok } from "@/sandbox/core/http";
import { type SandboxFake, type SandboxFakeOptions, startProviderSandbox } from "@/sandbox/core/provider";
import { type DownloadedMedia, downloadSentMedia } from "@/sandbox/smartsender/media-download";
import {
  createFakeRateLimit,
  DOCUMENTED_RATE_LIMIT,
  type FakeRateLimitSettings,
  type RateStats,
} from "@/sandbox/smartsender/rate-limit";
import { error, route } from "@/sandbox/smartsender/routes";
import { buildStore } from "@/sandbox/smartsender/seed";
import { seedChat } from "@/sandbox/smartsender/seed-chat";
import { injectInbound } from "@/sandbox/smartsender/store";

export type SmartSenderFakeOptions = SandboxFakeOptions & {
  /** The documented limit unless overridden (tests shrink the numbers to run fast). */
  rateLimit?: Partial<FakeRateLimitSettings>;
};

export type SmartSenderFake = SandboxFake & {
  /** Requests answered per minute and the most answered in any window (also `GET /__sandbox/rate`). */
  rateStats: () => RateStats;
};

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
  const downloaded: DownloadedMedia[] = [];
  const fake = await startProviderSandbox("smartsender", options, 4242, ({ baseUrl, token, seed }) => {
    const store = buildStore({
      seed,
      baseUrl,
      chats: options.data?.chats ?? 36,
      messagesPerChat: options.data?.messagesPerChat,
      bigChatMessages: options.data?.bigChatMessages ?? 300,
    });
    return {
      async handle(request) {
        if (bearerToken(request.headers) !== token) return error(401, "Unauthenticated");
        const admission = limits.admit(token);
        if (!admission.allowed) return rateLimited(admission.lockoutMs);
        const response = (await downloadSentMedia(request, downloaded)) ?? route(store, request);
        return { ...response, headers: { ...rateHeaders, ...response.headers } };
      },
      errorBody: error,
      rateLimited: () => rateLimited(limits.settings.lockoutMs),
      malformed: () => ok({ cursor: "page one", collection: [{ id: "not a chat" }], state: "yes" }),
      control: { rate: () => ok(limits.stats()), "downloaded-media": () => ok(downloaded) },
      snapshot: () => ({
        chats: [...store.chats.values()]
          .sort((a, b) => a.chat.id - b.chat.id)
          .map((chat) => ({
            externalId: String(chat.chat.id),
            messageExternalIds: chat.messages.map((message) => String(message.id)),
          })),
      }),
      injectInboundMessage: (input) => injectInbound(store, input),
      seedChat: (input) => seedChat(store, input),
    };
  });
  return { ...fake, rateStats: limits.stats };
}
