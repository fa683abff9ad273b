import { bearerToken, ok } from "@/sandbox/core/http";
import { type SandboxFake, type SandboxFakeOptions, startProviderSandbox } from "@/sandbox/core/provider";
import { httpError, negotiate } from "@/sandbox/tgbridge/format";
import { createBridgeApi, noRoute } from "@/sandbox/tgbridge/routes";
import { generateBridgeStore } from "@/sandbox/tgbridge/seed";
import { seedChat } from "@/sandbox/tgbridge/seed-chat";
import { injectInbound, recordsOf } from "@/sandbox/tgbridge/store";

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
  let xmlOnly = options.xmlOnly ?? false;
  const fake = await startProviderSandbox("tgbridge", options, 1, ({ token, seed }) => {
    const store = generateBridgeStore({
      seed,
      now: options.now ?? Date.now(),
      chats: options.data?.chats ?? 36,
      messagesPerChat: options.data?.messagesPerChat ?? 12,
      bigChatMessages: options.data?.bigChatMessages ?? 300,
    });
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
      injectInboundMessage: (input) => injectInbound(store, input),
      seedChat: (input) => seedChat(store, input, SANDBOX_EMPLOYEE_ID),
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
