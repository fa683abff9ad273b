/**
 * The MAX Bot API endpoints the sandbox serves, with the documented parameter ranges and error
 * bodies `{code, message}`. Docs: seed docs/providers/seeds/003_1ec703991a94c4d2.txt (GET /chats/{chatLink}
 * and its pattern) and docs/providers/max.md (the endpoint table; GET /chats is retired).
 */

import { SandboxInputError } from "@/sandbox/core/control";
import type { FakeRequest, FakeResponse } from "@/sandbox/core/http";
import { type BotSend, sendAsBot } from "@/sandbox/max/live";
import type { ChatRecord, World } from "@/sandbox/max/store";
import type { WebhookHub } from "@/sandbox/max/subscriptions";
import type { UpdateLog } from "@/sandbox/max/updates";
import type { UploadService } from "@/sandbox/max/uploads";
import type { WireAttachment, WireMessage } from "@/sandbox/max/wire";

const CHAT_ID = /^-?\d+$/;
const CHAT_LINK = /^@?[a-zA-Z]+[a-zA-Z0-9_-]*$/;
const MAX_TEXT = 4000;

export function maxError(status: number, code: string, message: string): FakeResponse {
  return { status, json: { code, message } };
}

const ok = (json: unknown): FakeResponse => ({ status: 200, json });
const badRequest = (message: string) => maxError(400, "proto.payload", message);

/** An int64 query parameter: null when absent, NaN when not a number. */
function optionalInt(query: URLSearchParams, name: string): number | null {
  const value = query.get(name);
  if (value === null || value === "") return null;
  return CHAT_ID.test(value) ? Number(value) : Number.NaN;
}

/** A bounded integer parameter with its documented default, or an error answer. */
function boundedInt(
  query: URLSearchParams,
  name: string,
  range: { min: number; max: number; fallback: number },
): number | FakeResponse {
  const value = optionalInt(query, name) ?? range.fallback;
  if (Number.isNaN(value) || value < range.min || value > range.max) {
    return badRequest(`${name} must be an integer between ${range.min} and ${range.max}`);
  }
  return value;
}

function findByLink(world: World, chatLink: string): ChatRecord | undefined {
  const name = chatLink.replace(/^@/, "").toLowerCase();
  for (const record of world.chats.values()) {
    const { chat } = record;
    if (chat.is_public && chat.link?.toLowerCase() === `https://max.ru/${name}`) return record;
    if (chat.type === "dialog" && chat.dialog_with_user?.username?.toLowerCase() === name) return record;
  }
  return undefined;
}

function chatNotFound(id: string): FakeResponse {
  return maxError(404, "chat.not.found", `Chat ${id} not found`);
}

function getChat(world: World, idOrLink: string): FakeResponse {
  if (CHAT_ID.test(idOrLink)) {
    const record = world.chats.get(Number(idOrLink));
    return record ? ok(record.chat) : chatNotFound(idOrLink);
  }
  if (!CHAT_LINK.test(idOrLink)) return badRequest("chatLink must match @?[a-zA-Z]+[a-zA-Z0-9-_]*");
  const record = findByLink(world, idOrLink);
  return record ? ok(record.chat) : chatNotFound(idOrLink);
}

function getMembers(world: World, chatId: string, query: URLSearchParams): FakeResponse {
  const record = world.chats.get(Number(chatId));
  if (!record) return chatNotFound(chatId);
  const userIds = query.get("user_ids");
  if (userIds) {
    const wanted = new Set(userIds.split(",").map(Number));
    return ok({ members: record.members.filter((member) => wanted.has(member.user_id)) });
  }
  const count = boundedInt(query, "count", { min: 1, max: 100, fallback: 20 });
  if (typeof count !== "number") return count;
  const offset = optionalInt(query, "marker") ?? 0;
  if (Number.isNaN(offset) || offset < 0) return badRequest("marker must be a marker this API returned");
  const members = record.members.slice(offset, offset + count);
  const next = offset + count < record.members.length ? offset + count : null;
  return ok({ members, marker: next });
}

/** Newest first; `from` is the newest time wanted and `to` the oldest, both inclusive. */
function getMessages(world: World, query: URLSearchParams): FakeResponse {
  const count = boundedInt(query, "count", { min: 1, max: 100, fallback: 50 });
  if (typeof count !== "number") return count;
  const ids = query.get("message_ids");
  const chatId = query.get("chat_id");
  if (ids) {
    const wanted = new Set(ids.split(","));
    const records = chatId ? [world.chats.get(Number(chatId))] : [...world.chats.values()];
    const found = records.flatMap((record) => record?.messages.filter((message) => wanted.has(message.body.mid)) ?? []);
    return ok({ messages: found.reverse() });
  }
  if (!chatId || !CHAT_ID.test(chatId)) return badRequest("chat_id or message_ids is required");
  const record = world.chats.get(Number(chatId));
  if (!record) return chatNotFound(chatId);
  const from = optionalInt(query, "from");
  const to = optionalInt(query, "to");
  if (Number.isNaN(from) || Number.isNaN(to)) return badRequest("from and to must be times in milliseconds");
  if (from !== null && to !== null && to > from) return badRequest("to must be less than from");
  const messages: WireMessage[] = [];
  for (let index = record.messages.length - 1; index >= 0 && messages.length < count; index -= 1) {
    const message = record.messages[index] as WireMessage;
    if (from !== null && message.timestamp > from) continue;
    if (to !== null && message.timestamp < to) break;
    messages.push(message);
  }
  return ok({ messages });
}

function parseSend(body: unknown): BotSend | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "the body must be a NewMessageBody";
  const {
    text = null,
    attachments = null,
    link = null,
    format = null,
    notify = true,
  } = body as Record<string, unknown>;
  if (text !== null && typeof text !== "string") return "text must be a string";
  if (typeof text === "string" && [...text].length > MAX_TEXT) return `text: size must be between 0 and ${MAX_TEXT}`;
  if (attachments !== null && !Array.isArray(attachments)) return "attachments must be an array";
  if (format !== null && format !== "markdown" && format !== "html") return "format must be markdown or html";
  if (typeof notify !== "boolean") return "notify must be a boolean";
  if (!text && (attachments === null || attachments.length === 0)) return "the message is empty";
  if (link !== null) {
    const { type, mid } = link as Record<string, unknown>;
    if ((type !== "reply" && type !== "forward") || typeof mid !== "string") return "link must be {type, mid}";
    return { text: text || null, attachments: attachments as WireAttachment[] | null, link: { type, mid } };
  }
  return { text: text || null, attachments: attachments as WireAttachment[] | null, link: null };
}

function postMessage(world: World, uploads: UploadService, request: FakeRequest): FakeResponse {
  const chatId = request.query.get("chat_id");
  if (!chatId || !CHAT_ID.test(chatId)) return badRequest("chat_id is required");
  const record = world.chats.get(Number(chatId));
  if (!record) return chatNotFound(chatId);
  const send = parseSend(request.body);
  if (typeof send === "string") return badRequest(send);
  if (send.attachments) {
    const resolved = send.attachments.map((attachment) => uploads.attachmentFor(attachment));
    const refused = resolved.find((entry): entry is FakeResponse => "status" in entry);
    if (refused) return refused;
    send.attachments = resolved as WireAttachment[];
  }
  try {
    return ok({ message: sendAsBot(world, record, send) });
  } catch (error) {
    if (error instanceof SandboxInputError) return maxError(error.status, error.code, error.message);
    throw error;
  }
}

async function getUpdates(log: UpdateLog, query: URLSearchParams): Promise<FakeResponse> {
  const limit = boundedInt(query, "limit", { min: 1, max: 1000, fallback: 100 });
  if (typeof limit !== "number") return limit;
  const timeout = boundedInt(query, "timeout", { min: 0, max: 90, fallback: 30 });
  if (typeof timeout !== "number") return timeout;
  const marker = optionalInt(query, "marker");
  if (Number.isNaN(marker)) return badRequest("marker must be an integer");
  const types = query.get("types");
  return ok(
    await log.read({
      marker,
      limit,
      timeoutMs: timeout * 1000,
      types: types ? new Set(types.split(",").map((type) => type.trim())) : null,
    }),
  );
}

/** The provider's routes; undefined means "no such path" (the kit answers 404). */
export function maxRoutes(world: World, log: UpdateLog, webhooks: WebhookHub, uploads: UploadService) {
  return async (request: FakeRequest): Promise<FakeResponse | undefined> => {
    const { method, path, query } = request;
    const wrongMethod = () => maxError(405, "method.not.allowed", `${method} ${path} is not allowed`);
    if (path === "/me")
      return method === "GET" ? ok({ ...world.bot, description: null, commands: null }) : wrongMethod();
    if (path === "/chats") {
      return maxError(405, "method.retired", "GET /chats was retired in June 2026: learn chats from GET /updates");
    }
    const members = /^\/chats\/([^/]+)\/members$/.exec(path);
    if (members) return method === "GET" ? getMembers(world, members[1] as string, query) : wrongMethod();
    const chat = /^\/chats\/([^/]+)$/.exec(path);
    if (chat) return method === "GET" ? getChat(world, chat[1] as string) : wrongMethod();
    if (path === "/messages") {
      if (method === "GET") return getMessages(world, query);
      return method === "POST" ? postMessage(world, uploads, request) : wrongMethod();
    }
    if (path === "/updates") {
      if (method !== "GET") return wrongMethod();
      if (webhooks.active()) {
        return maxError(405, "method.not.allowed", "Long polling is not available while a webhook subscription exists");
      }
      return getUpdates(log, query);
    }
    if (path === "/subscriptions") return webhooks.routes(request);
    if (path === "/uploads") return uploads.uploadUrl(request);
    return undefined;
  };
}
