/**
 * The sandbox "Telegram" bridge: a real HTTP server speaking the bridge's documented API,
 * written from ../shared/seeds/000_62f7899ae3925019.txt and ../shared/providers.md §3, never from
 * the adapter. It negotiates JSON or DataContract XML like ASP.NET Web API; with `xmlOnly`
 * (or POST /__sandbox/xml-only {"enabled": true}) it answers XML whatever Accept says.
 * The seed's ActiveChat sample is its chat 1 (phone "sample string 8", source 0) and comes
 * back byte for byte in both formats.
 *
 * Auth is not documented: started without `token`, the fake accepts every request; started
 * with one, it answers 401 to a missing or different Bearer token. No rate limit is
 * documented either: 429s come only from the fault switches (with Retry-After: 1).
 */
import { createRng, intBetween, personName, phoneNumber, randomLocale } from "@/sandbox/core/corpus";
import { bearerToken, ok } from "@/sandbox/core/http";
import {
  type InjectMessageInput,
  type SandboxFake,
  type SandboxFakeOptions,
  SandboxInputError,
  startProviderSandbox,
} from "@/sandbox/core/provider";
import { httpError, negotiate } from "@/sandbox/tgbridge/format";
import { createBridgeApi, noRoute } from "@/sandbox/tgbridge/routes";
import { generateBridgeStore } from "@/sandbox/tgbridge/seed";
import { appendRecord, type BridgeStore, chatById, openChat, recordsOf } from "@/sandbox/tgbridge/store";
import { MESSAGE_TYPE } from "@/sandbox/tgbridge/wire";

/** The staff member the sandbox connection acts as (the seed's Employee 1). */
const SANDBOX_EMPLOYEE_ID = 1;

export type TgBridgeFakeOptions = SandboxFakeOptions & {
  /** Answer DataContract XML whatever Accept says: a bridge without its JSON formatter. */
  xmlOnly?: boolean;
  /** What SendChatTGMessage answers (undocumented): the stored message, or 204 No Content. */
  sendAnswer?: "message" | "empty";
  /** The moment the generated history leads up to (epoch ms); now by default. */
  now?: number;
};

export type TgBridgeFake = SandboxFake & { setXmlOnly: (enabled: boolean) => void };

/** A customer writes: into their chat (a closed one is reopened as a new chat), or a new customer's. */
function injectInto(store: BridgeStore, newCustomers: () => number, input: InjectMessageInput) {
  const now = Date.now();
  let chat = input.chatExternalId === undefined ? undefined : chatById(store, Number(input.chatExternalId));
  if (input.chatExternalId !== undefined && (!chat || !/^\d+$/.test(input.chatExternalId))) {
    throw new SandboxInputError(404, `The sandbox bridge has no chat ${input.chatExternalId}`);
  }
  if (!chat) {
    const locale = randomLocale(newCustomers);
    const customer = {
      Name: input.authorName ?? personName(newCustomers, locale),
      Phone: phoneNumber(newCustomers, locale),
      ChatId: intBetween(newCustomers, 100_000_000, 999_999_999),
      ChannelId: 1,
      Area: 1,
      Source: 0,
    };
    chat = openChat(store, customer, now);
  } else if (chat.CloseDate !== null) {
    chat = openChat(store, chat, now);
  }
  const fields = { MessageType: MESSAGE_TYPE.message, Message: input.text };
  const record = appendRecord(store, chat, input.authorName ? { ...fields, From: input.authorName } : fields, now);
  return { chatExternalId: String(chat.Id), messageExternalId: String(record.Id) };
}

export async function startTgBridgeFake(options: TgBridgeFakeOptions = {}): Promise<TgBridgeFake> {
  let xmlOnly = options.xmlOnly ?? false;
  const fake = await startProviderSandbox("tgbridge", options, 1, ({ token, seed }) => {
    const store = generateBridgeStore({
      seed,
      now: options.now ?? Date.now(),
      chats: options.data?.chats ?? 36,
      messagesPerChat: options.data?.messagesPerChat ?? 12,
      bigChatMessages: options.data?.bigChatMessages ?? 300,
    });
    const newCustomers = createRng(seed * 7919 + 17);
    const api = createBridgeApi(store, { sendAnswer: options.sendAnswer ?? "message", now: () => Date.now() });
    // Faults have no request to negotiate with: they answer in the format an Accept-less client would get.
    const faultFormat = () => negotiate(undefined, xmlOnly);
    return {
      handle(request) {
        const format = negotiate(request.headers.accept, xmlOnly);
        if (options.token !== undefined && bearerToken(request.headers) !== token) {
          const denied = { Message: "Authorization has been denied for this request." };
          return httpError(401, format, denied, { "www-authenticate": "Bearer" });
        }
        return api(request, format) ?? noRoute(request, format);
      },
      errorBody: (status, message) => httpError(status, faultFormat(), { Message: message }),
      rateLimited: () => httpError(429, faultFormat(), { Message: "Too many requests." }, { "retry-after": "1" }),
      malformed: () =>
        xmlOnly
          ? { status: 200, text: "<ArrayOfChatDto><ChatDto><Id>1</Id>", contentType: "application/xml; charset=utf-8" }
          : { status: 200, text: '[{"Id": 1, "Name": ', contentType: "application/json; charset=utf-8" },
      control: {
        "xml-only": (request) => {
          if (request.method === "POST")
            xmlOnly = (request.body as { enabled?: unknown } | undefined)?.enabled !== false;
          return ok({ xmlOnly });
        },
      },
      snapshot: () => ({
        chats: store.chats.map((chat) => ({
          externalId: String(chat.Id),
          messageExternalIds: [...new Set(recordsOf(store, chat.Id).map((record) => String(record.Id)))],
        })),
      }),
      injectInboundMessage: (input) => injectInto(store, newCustomers, input),
      settings: { employeeId: SANDBOX_EMPLOYEE_ID },
    };
  });
  return {
    ...fake,
    setXmlOnly: (enabled) => {
      xmlOnly = enabled;
    },
  };
}
