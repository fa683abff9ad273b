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
import {
  bearerToken,
  type InjectMessageInput,
  type SandboxFake,
  type SandboxFakeOptions,
  startFakeServer,
} from "@/sandbox/core/server";
import { httpError, negotiate } from "@/sandbox/tgbridge/format";
import { createBridgeApi, noRoute } from "@/sandbox/tgbridge/routes";
import { generateBridgeStore } from "@/sandbox/tgbridge/seed";
import { appendRecord, chatById, openChat, recordsOf } from "@/sandbox/tgbridge/store";
import { MESSAGE_TYPE } from "@/sandbox/tgbridge/wire";

const SANDBOX_TGBRIDGE_TOKEN = "sandbox-tgbridge-token";
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

export async function startTgBridgeFake(options: TgBridgeFakeOptions = {}): Promise<TgBridgeFake> {
  const seed = options.seed ?? 1;
  const token = options.token ?? SANDBOX_TGBRIDGE_TOKEN;
  const store = generateBridgeStore({
    seed,
    now: options.now ?? Date.now(),
    chats: options.data?.chats ?? 36,
    messagesPerChat: options.data?.messagesPerChat ?? 12,
    bigChatMessages: options.data?.bigChatMessages ?? 300,
  });
  const newCustomers = createRng(seed * 7919 + 17);
  let xmlOnly = options.xmlOnly ?? false;
  const api = createBridgeApi(store, { sendAnswer: options.sendAnswer ?? "message", now: () => Date.now() });
  // Faults have no request to negotiate with: they answer in the format an Accept-less client would get.
  const faultFormat = () => negotiate(undefined, xmlOnly);

  function injectInboundMessage(input: InjectMessageInput) {
    const now = Date.now();
    let chat = input.chatExternalId === undefined ? undefined : chatById(store, Number(input.chatExternalId));
    if (input.chatExternalId !== undefined && (!chat || !/^\d+$/.test(input.chatExternalId))) {
      throw new Error(`The sandbox bridge has no chat ${input.chatExternalId}`);
    }
    if (!chat) {
      const locale = randomLocale(newCustomers);
      chat = openChat(
        store,
        {
          Name: input.authorName ?? personName(newCustomers, locale),
          Phone: phoneNumber(newCustomers, locale),
          ChatId: intBetween(newCustomers, 100_000_000, 999_999_999),
          ChannelId: 1,
          Area: 1,
          Source: 0,
        },
        now,
      );
    } else if (chat.CloseDate !== null) {
      chat = openChat(store, chat, now);
    }
    const fields = { MessageType: MESSAGE_TYPE.message, Message: input.text };
    const record = appendRecord(store, chat, input.authorName ? { ...fields, From: input.authorName } : fields, now);
    return { chatExternalId: String(chat.Id), messageExternalId: String(record.Id) };
  }

  const server = await startFakeServer({
    name: "tgbridge",
    seed,
    port: options.port,
    faults: options.faults,
    handle(request) {
      const format = negotiate(request.headers.accept, xmlOnly);
      if (options.token !== undefined && bearerToken(request.headers) !== token) {
        return httpError(
          401,
          format,
          { Message: "Authorization has been denied for this request." },
          { "www-authenticate": "Bearer" },
        );
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
        if (request.method === "POST") {
          const body = request.body as { enabled?: unknown } | undefined;
          xmlOnly = body?.enabled !== false;
        }
        return { status: 200, json: { xmlOnly } };
      },
      "inject-message": (request) => {
        const body = (request.body ?? {}) as Partial<InjectMessageInput>;
        if (typeof body.text !== "string" || body.text.trim() === "") {
          return { status: 400, json: { error: "text is required" } };
        }
        try {
          return { status: 200, json: injectInboundMessage({ ...body, text: body.text }) };
        } catch (error) {
          return { status: 404, json: { error: (error as Error).message } };
        }
      },
    },
  });

  return {
    ...server,
    kind: "tgbridge",
    token,
    setXmlOnly: (enabled) => {
      xmlOnly = enabled;
    },
    snapshot: () => ({
      chats: store.chats.map((chat) => ({
        externalId: String(chat.Id),
        messageExternalIds: [...new Set(recordsOf(store, chat.Id).map((record) => String(record.Id)))],
      })),
    }),
    injectInboundMessage,
    connection: () => ({
      baseUrl: server.url,
      credentials: { token },
      settings: { employeeId: SANDBOX_EMPLOYEE_ID },
    }),
  };
}
