/**
 * The sandbox bridge's documented endpoints (docs/providers/seeds/000_62f7899ae3925019.txt,
 * docs/providers/tgbridge.md), answering like ASP.NET Web API: case-insensitive routes and query
 * names, 404 "No HTTP resource was found…" when a required parameter is missing, 400 "The
 * request is invalid." when one does not bind, HttpError bodies.
 *
 * Where the documents are silent the sandbox decides, and says so here:
 * - GetChats: `history=true` adds closed chats, `myChats=true` keeps the chats whose
 *   LastEmployee is `employeeId`, `myTerritory=true` those in the employee's Area.
 * - GetChatData: without `extendDay` the messages of the chat's last day of activity;
 *   `extendDay=N` reaches N days further back. An unknown chat is a 404.
 * - SendChatTGMessage answers the stored MessageStructDto (or 204 when `sendAnswer` is
 *   "empty"); UpdateMessage edits message `Id`, UpdateReaction toggles the employee's `Message`
 *   emoji on message `Id`; closing a closed chat changes nothing.
 */
import type { FakeRequest, FakeResponse } from "@/sandbox/core/http";
import { answer, httpError, type WireFormat } from "@/sandbox/tgbridge/format";
import { appendRecord, type BridgeStore, chatById, employeeName, recordsOf } from "@/sandbox/tgbridge/store";
import {
  MESSAGE_TYPE,
  WIRE_MESSAGE_TYPES,
  type WireChat,
  type WireChatData,
  type WireMessage,
} from "@/sandbox/tgbridge/wire";
import { toXml } from "@/sandbox/tgbridge/xml";

const DAY = 86_400_000;
const CONTROLLER = "Api.Controllers.TelegramController";

export type BridgeApiOptions = { sendAnswer: "message" | "empty"; now: () => number };

type Binding<T> = { ok: true; value: T } | { ok: false; response: FakeResponse };

function queryValue(query: URLSearchParams, name: string): string | null {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

function noAction(request: FakeRequest, format: WireFormat): FakeResponse {
  const search = request.query.toString();
  return httpError(404, format, {
    Message: `No HTTP resource was found that matches the request URI '${request.path}${search ? `?${search}` : ""}'.`,
    MessageDetail: "No action was found on the controller 'Telegram' that matches the request.",
  });
}

/** ASP.NET's answer to a path no route matches. */
export function noRoute(request: FakeRequest, format: WireFormat): FakeResponse {
  return httpError(404, format, {
    Message: `No HTTP resource was found that matches the request URI '${request.path}'.`,
  });
}

function invalid(format: WireFormat, parameter: string, type: string, method: string): FakeResponse {
  return httpError(400, format, {
    Message: "The request is invalid.",
    MessageDetail: `The parameters dictionary contains a null entry for parameter '${parameter}' of non-nullable type '${type}' for method '${method}' in '${CONTROLLER}'. An optional parameter must be a reference type, a nullable type, or be declared as an optional parameter.`,
  });
}

function bindInt(value: string, parameter: string, method: string, format: WireFormat): Binding<number> {
  return /^\s*-?\d+\s*$/.test(value)
    ? { ok: true, value: Number(value) }
    : { ok: false, response: invalid(format, parameter, "System.Int32", method) };
}

function bindBool(value: string | null, parameter: string, method: string, format: WireFormat): Binding<boolean> {
  if (value === null || value === "") return { ok: true, value: false };
  const lower = value.trim().toLowerCase();
  if (lower === "true" || lower === "false") return { ok: true, value: lower === "true" };
  return { ok: false, response: invalid(format, parameter, "System.Boolean", method) };
}

const digitsOf = (phone: string) => phone.replace(/\D/g, "");

function samePhone(stored: string | null, asked: string): boolean {
  if (stored === null) return false;
  if (stored.trim() === asked.trim()) return true;
  const [a, b] = [digitsOf(stored), digitsOf(asked)];
  return a.length >= 7 && a === b;
}

function modelError(format: WireFormat, field: string, message: string): FakeResponse {
  return httpError(400, format, { Message: "The request is invalid.", MessageDetail: `message.${field}: ${message}` });
}

export function createBridgeApi(store: BridgeStore, options: BridgeApiOptions) {
  function getActiveChatByPhone(request: FakeRequest, format: WireFormat): FakeResponse {
    const phone = queryValue(request.query, "phone");
    const name = queryValue(request.query, "name");
    const source = queryValue(request.query, "source");
    if (phone === null || name === null || source === null) return noAction(request, format);
    const sourceValue = bindInt(source, "source", "GetActiveChatByPhone(System.String, System.String, Int32)", format);
    if (!sourceValue.ok) return sourceValue.response;
    const chat = store.chats
      .filter((candidate) => candidate.CloseDate === null && candidate.Source === sourceValue.value)
      .filter((candidate) => samePhone(candidate.Phone, phone))
      .sort((a, b) => Date.parse(b.Created) - Date.parse(a.Created))[0];
    const active = chat ? { Id: chat.Id, Messages: recordsOf(store, chat.Id) } : null;
    return answer(200, format, active, () => toXml.activeChat(active));
  }

  function getChats(request: FakeRequest, format: WireFormat): FakeResponse {
    const method = "GetChats(Int32, Boolean, Boolean, Boolean)";
    const employee = queryValue(request.query, "employeeId");
    if (employee === null) return noAction(request, format);
    const employeeId = bindInt(employee, "employeeId", method, format);
    if (!employeeId.ok) return employeeId.response;
    const flags = ["history", "myChats", "myTerritory"].map((key) =>
      bindBool(queryValue(request.query, key), key, method, format),
    );
    const failed = flags.find((flag) => !flag.ok);
    if (failed && !failed.ok) return failed.response;
    const [history, myChats, myTerritory] = flags.map((flag) => flag.ok && flag.value);
    const area = store.employees.find((candidate) => candidate.id === employeeId.value)?.area ?? null;
    const chats = store.chats
      .filter((chat) => history || chat.CloseDate === null)
      .filter((chat) => !myChats || chat.LastEmployee === employeeId.value)
      .filter((chat) => !myTerritory || chat.Area === area)
      .sort((a, b) => Date.parse(b.LastMessage ?? b.Created) - Date.parse(a.LastMessage ?? a.Created));
    return answer(200, format, chats, () => toXml.chats(chats));
  }

  function getChatData(request: FakeRequest, format: WireFormat, rawId: string): FakeResponse {
    const method = "GetChatData(Int32, Int32)";
    const id = bindInt(rawId, "id", method, format);
    if (!id.ok) return id.response;
    const extend = bindInt(queryValue(request.query, "extendDay") || "0", "extendDay", method, format);
    if (!extend.ok) return extend.response;
    if (extend.value < 0) return httpError(400, format, { Message: "extendDay must not be negative." });
    const chat = chatById(store, id.value);
    if (!chat) return httpError(404, format, { Message: `Chat ${id.value} was not found.` });
    const records = recordsOf(store, chat.Id);
    const newest = Math.max(...records.map((record) => Date.parse(record.Created)));
    const since = newest - (1 + extend.value) * DAY;
    const data: WireChatData = {
      messages: records.filter((record) => Date.parse(record.Created) >= since),
      copilotMessages: chat.CloseDate === null ? (store.copilot.get(chat.Id) ?? []) : [],
      chatInfo: chat,
    };
    return answer(200, format, data, () => toXml.chatData(data));
  }

  function messageTypeOf(value: unknown): number | null {
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < WIRE_MESSAGE_TYPES.length)
      return value;
    // Json.NET reads enums from their names too.
    const index = WIRE_MESSAGE_TYPES.findIndex(
      (name) => typeof value === "string" && name.toLowerCase() === value.toLowerCase(),
    );
    return index >= 0 ? index : null;
  }

  type Staff = { EmployeeId: number; From: string };

  function setOpen(chat: WireChat, type: number, text: string | null, staff: Staff): WireMessage {
    const alreadyThere = (type === MESSAGE_TYPE.CloseChatMode) === (chat.CloseDate !== null);
    const previous = recordsOf(store, chat.Id)
      .filter((record) => record.MessageType === type)
      .at(-1);
    if (alreadyThere && previous) return previous;
    return appendRecord(store, chat, { MessageType: type, Message: text || null, ...staff }, options.now());
  }

  function update(chat: WireChat, target: WireMessage, type: number, text: string | null, staff: Staff): WireMessage {
    if (type === MESSAGE_TYPE.UpdateMessage) {
      return appendRecord(store, chat, { ...target, MessageType: type, Message: text }, options.now());
    }
    const current = target.Reactions ?? [];
    const others = current.filter((reaction) => reaction.Employee !== staff.EmployeeId || reaction.Emoji !== text);
    const toggled =
      text && others.length === current.length ? [...others, { Employee: staff.EmployeeId, Emoji: text }] : others;
    return appendRecord(store, chat, { ...target, MessageType: type, Reactions: toggled }, options.now());
  }

  function sendChatTgMessage(request: FakeRequest, format: WireFormat): FakeResponse {
    const mediaType =
      String(request.headers["content-type"] ?? "")
        .split(";")[0]
        ?.trim()
        .toLowerCase() ?? "";
    if (mediaType !== "application/json" && mediaType !== "text/json") {
      return httpError(415, format, {
        Message: `The request entity's media type '${mediaType}' is not supported for this resource.`,
        ExceptionMessage: `No MediaTypeFormatter is available to read an object of type 'MessageStruct' from content with media type '${mediaType}'.`,
      });
    }
    const body = request.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return modelError(format, "body", "A MessageStruct is required.");
    }
    const input = body as Record<string, unknown>;
    const type = messageTypeOf(input.MessageType ?? MESSAGE_TYPE.Message);
    if (type === null) return modelError(format, "MessageType", `Unknown MessageType '${String(input.MessageType)}'.`);
    const employeeId = input.EmployeeId;
    if (typeof employeeId !== "number" || !Number.isInteger(employeeId) || employeeId <= 0) {
      return modelError(format, "EmployeeId", "The EmployeeId field is required.");
    }
    const chat =
      typeof input.Chat === "number" && input.Chat > 0
        ? chatById(store, input.Chat)
        : store.chats.filter((candidate) => candidate.ChatId === input.ChatId && candidate.CloseDate === null).at(-1);
    if (!chat) return httpError(404, format, { Message: `Chat ${String(input.Chat ?? input.ChatId)} was not found.` });
    const text = typeof input.Message === "string" ? input.Message : null;
    const records = recordsOf(store, chat.Id);
    const staff: Staff = { EmployeeId: employeeId, From: employeeName(store, employeeId) };
    let stored: WireMessage;
    if (type === MESSAGE_TYPE.CloseChatMode || type === MESSAGE_TYPE.OpenChatMode) {
      stored = setOpen(chat, type, text, staff);
    } else if (type === MESSAGE_TYPE.UpdateMessage || type === MESSAGE_TYPE.UpdateReaction) {
      const target = records.findLast((record) => record.Id === input.Id);
      if (!target) return modelError(format, "Id", "The message to update was not found in this chat.");
      stored = update(chat, target, type, text, staff);
    } else {
      const attachments = Array.isArray(input.Attachments)
        ? input.Attachments.filter((item): item is string => typeof item === "string")
        : [];
      if (!text?.trim() && attachments.length === 0) {
        return modelError(format, "Message", "The Message field is required.");
      }
      const replyId = typeof input.ReplyId === "number" && input.ReplyId > 0 ? input.ReplyId : null;
      const replied = replyId === null ? null : records.find((record) => record.Id === replyId);
      if (replyId !== null && !replied) return modelError(format, "ReplyId", `Message ${replyId} is not in this chat.`);
      const reply = replied ? { Id: replied.Id, Name: replied.From, Message: replied.Message } : null;
      const fields = { MessageType: type, Message: text, Attachments: attachments, ReplyId: replyId, Reply: reply };
      stored = appendRecord(store, chat, { ...fields, ...staff }, options.now());
    }
    if (options.sendAnswer === "empty") return { status: 204, text: "", contentType: "text/plain" };
    return answer(200, format, stored, () => toXml.message(stored));
  }

  const ROUTE = /^\/api\/telegram\/(getactivechatbyphone|getchats|getchatdata|sendchattgmessage)(?:\/([^/]+))?\/?$/i;

  /** The bridge's answer to a request that passed auth, or undefined for an unknown path. */
  return function handle(request: FakeRequest, format: WireFormat): FakeResponse | undefined {
    const match = ROUTE.exec(request.path);
    if (!match) return undefined;
    const action = (match[1] ?? "").toLowerCase();
    const id = match[2];
    const expected = action === "sendchattgmessage" ? "POST" : "GET";
    if (request.method !== expected) {
      return httpError(405, format, {
        Message: `The requested resource does not support http method '${request.method}'.`,
      });
    }
    if (action === "getchatdata")
      return id === undefined ? noAction(request, format) : getChatData(request, format, id);
    if (id !== undefined) return noAction(request, format);
    if (action === "getactivechatbyphone") return getActiveChatByPhone(request, format);
    if (action === "getchats") return getChats(request, format);
    return sendChatTgMessage(request, format);
  };
}
