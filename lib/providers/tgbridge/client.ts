/**
 * HTTP client of the "Telegram" bridge (an ASP.NET Web API).
 * Docs: docs/providers/seeds/000_62f7899ae3925019.txt (GetActiveChatByPhone, JSON and XML samples) and
 * docs/providers/tgbridge.md (GetChats, GetChatData, SendChatTGMessage; auth unknown).
 *
 * The bridge answers JSON or DataContract XML by content negotiation, so every body is read
 * by the Content-Type it came with, never by what we asked for: a bridge configured to speak
 * only XML works too. Errors are ASP.NET HttpError bodies ({"Message", "MessageDetail",
 * "ExceptionMessage"} or <Error><Message>…</Message></Error>).
 *
 * No rate limit is documented: we stay at 10 requests per second per token, and a 429 pauses
 * the shared limiter for its Retry-After (handled by the http kit).
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { ProviderError } from "@/lib/providers/errors";
import { createHttpClient, type HttpRequest, type HttpResponse } from "@/lib/providers/http";
import { sharedRateLimiter } from "@/lib/providers/rate-limit";
import {
  type ActiveChat,
  type ChatData,
  type MessageStructDto,
  readChatData,
  ZActiveChat,
  ZChatData,
  ZChats,
  ZMessageStructDto,
} from "@/lib/providers/tgbridge/schemas";
import { parseDataContractXml, XmlSyntaxError } from "@/lib/providers/tgbridge/xml";

const PROVIDER = "Telegram bridge";
const TGBRIDGE_RATE_LIMIT = { limit: 10, windowMs: 1000 };

const ACCEPT = {
  json: "application/json, text/json;q=0.9, application/xml;q=0.8, text/xml;q=0.7",
  xml: "application/xml, text/xml;q=0.9, application/json;q=0.5",
} as const;

export type TgBridgeClientOptions = {
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` when present (the bridge's auth is not documented). */
  token?: string | null;
  timeoutMs?: number;
  /** Which format to ask for; the answer is read by its Content-Type either way. */
  prefer?: keyof typeof ACCEPT;
};

/** MessageStruct, the body of SendChatTGMessage; enums as numbers, as the bridge's JSON has them. */
export type MessageStruct = {
  Chat: number;
  ChatId?: number;
  ChannelId?: number;
  Phone?: string;
  Source?: number;
  Created: string;
  Message: string;
  EmployeeId: number;
  MessageType: number;
  ReplyId?: number;
  Attachments: string[];
};

type Format = "json" | "xml";

function formatOf(contentType: string, text: string): Format | null {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === "application/json" || mediaType === "text/json" || mediaType.endsWith("+json")) return "json";
  if (mediaType === "application/xml" || mediaType === "text/xml" || mediaType.endsWith("+xml")) return "xml";
  // Without a Content-Type, the first character tells.
  if (mediaType === "") return text.trimStart().startsWith("<") ? "xml" : "json";
  return null;
}

function requestLabel(request: HttpRequest): string {
  return `${request.method ?? "GET"} ${request.path}`;
}

/** The body as a plain value; undefined for an empty body. */
function decodeBody(response: HttpResponse, request: HttpRequest): unknown {
  if (response.text.trim() === "") return undefined;
  const format = formatOf(response.contentType, response.text);
  if (format === null) {
    throw new ProviderError("malformed", `${PROVIDER} answered ${requestLabel(request)} with ${response.contentType}`, {
      status: response.status,
    });
  }
  try {
    return format === "json" ? JSON.parse(response.text) : parseDataContractXml(response.text);
  } catch (error) {
    const what = error instanceof XmlSyntaxError ? error.message : "a body that is not JSON";
    throw new ProviderError("malformed", `${PROVIDER} sent ${what} for ${requestLabel(request)}`, {
      status: response.status,
      cause: error,
    });
  }
}

function httpErrorMessage(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const error = value as Record<string, unknown>;
  const parts = [error.Message, error.ExceptionMessage ?? error.MessageDetail].filter(
    (part): part is string => typeof part === "string" && part.trim() !== "",
  );
  return parts.length > 0 ? parts.join(" — ") : null;
}

/** ASP.NET HttpError in JSON or XML, else a short plain-text body. */
function errorMessageOf(body: unknown, text: string): string | null {
  if (body !== undefined) return httpErrorMessage(body);
  const trimmed = text.trim();
  if (trimmed.startsWith("<")) {
    try {
      return httpErrorMessage(parseDataContractXml(trimmed));
    } catch {
      return null;
    }
  }
  return trimmed === "" ? null : trimmed.slice(0, 200);
}

function limiterKey(baseUrl: string, token: string | null): string {
  return `tgbridge:${createHash("sha256")
    .update(token ?? `anonymous@${baseUrl}`)
    .digest("hex")
    .slice(0, 16)}`;
}

export function createTgBridgeClient(options: TgBridgeClientOptions) {
  const token = options.token || null;
  const http = createHttpClient({
    provider: PROVIDER,
    baseUrl: options.baseUrl,
    headers: {
      accept: ACCEPT[options.prefer ?? "json"],
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    limiter: sharedRateLimiter(limiterKey(options.baseUrl, token), TGBRIDGE_RATE_LIMIT),
    timeoutMs: options.timeoutMs,
    errorMessageOf,
  });

  async function read<T extends z.ZodType>(request: HttpRequest, schema: T, emptyBody?: unknown): Promise<z.output<T>> {
    const response = await http.send(request);
    const body = decodeBody(response, request);
    return http.parseWith(schema, body === undefined ? emptyBody : body, "an empty body", request);
  }

  return {
    /** `source`: 0 Telegram bot, 1 personal cabinet. Null when the phone has no active chat. */
    async getActiveChatByPhone(
      input: { phone: string; name: string; source: number },
      signal?: AbortSignal,
    ): Promise<ActiveChat | null> {
      return read(
        { path: "api/Telegram/GetActiveChatByPhone", query: { ...input }, signal },
        ZActiveChat,
        // ASP.NET answers a null result with an empty 204 as well as with `null`.
        null,
      );
    },

    async getChats(
      query: { employeeId: number | null; history: boolean; myChats: boolean; myTerritory: boolean },
      signal?: AbortSignal,
    ): Promise<unknown[]> {
      return read({ path: "api/Telegram/GetChats", query, signal }, ZChats);
    },

    async getChatData(id: string, extendDay: number, signal?: AbortSignal): Promise<ChatData> {
      const request: HttpRequest = {
        path: `api/Telegram/GetChatData/${encodeURIComponent(id)}`,
        query: extendDay > 0 ? { extendDay } : {},
        signal,
      };
      return readChatData(await read(request, ZChatData));
    },

    /**
     * Its answer is not documented: the stored message when the bridge returns one, else null.
     * Any 2xx means the message went out, so an odd body never turns into a retry (a double send).
     */
    async sendChatTgMessage(body: MessageStruct, signal?: AbortSignal): Promise<MessageStructDto | null> {
      const request: HttpRequest = { method: "POST", path: "api/Telegram/SendChatTGMessage", json: body, signal };
      const response = await http.send(request);
      let decoded: unknown;
      try {
        decoded = decodeBody(response, request);
      } catch {
        return null;
      }
      const parsed = ZMessageStructDto.safeParse(decoded);
      return parsed.success ? parsed.data : null;
    },
  };
}
