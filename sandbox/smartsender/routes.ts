/**
 * The sandbox SmartSender's documented endpoints with their paging, filters, validation and
 * error bodies. Docs: docs/providers/seeds/001_4c7582a753ef1710.txt and docs/providers/smartsender.md.
 *
 * Beyond the documents, chosen here: errors answer `{"error": {"code", "message"}}` (422 for
 * invalid parameters) and chats list in id order (as the seed's sample does).
 */
import { type FakeRequest, type FakeResponse, intParam, ok } from "@/sandbox/core/http";
import type { SmartSenderStore, StoredChat } from "@/sandbox/smartsender/store";
import { gateRef, type WireContent, type WireMessage, wireDate } from "@/sandbox/smartsender/wire";

const MAX_LIMITATION = 20;

export function error(status: number, message: string): FakeResponse {
  return { status, json: { error: { code: status, message } } };
}

/** Laravel's reading of a boolean query flag. */
function flag(query: URLSearchParams, name: string): boolean {
  return ["1", "true", "on", "yes"].includes((query.get(name) ?? "").toLowerCase());
}

type Paging = { page: number; limitation: number };

function pagingOf(query: URLSearchParams): Paging | FakeResponse {
  const page = intParam(query, "page", 1);
  const limitation = intParam(query, "limitation", MAX_LIMITATION);
  if (!(page >= 1)) return error(422, "The page must be at least 1.");
  if (!(limitation >= 1 && limitation <= MAX_LIMITATION)) {
    return error(422, `The limitation must be between 1 and ${MAX_LIMITATION}.`);
  }
  return { page, limitation };
}

function paged<T>(items: T[], { page, limitation }: Paging): FakeResponse {
  const pages = Math.max(1, Math.ceil(items.length / limitation));
  return ok({
    cursor: { page, pages },
    collection: items.slice((page - 1) * limitation, page * limitation),
  });
}

function unreadOf(fake: StoredChat): number {
  return fake.chat.gates.reduce((sum, gate) => sum + gate.unreadMessages, 0);
}

/** `GET /v1/chats` filters: term, state, selector[name], selector[operatorId]. */
function chatFilter(query: URLSearchParams): ((fake: StoredChat) => boolean) | FakeResponse {
  const term = (query.get("term") ?? "").trim().toLowerCase();
  const state = query.get("state");
  const selector = query.get("selector[name]") ?? "none";
  const operatorId = intParam(query, "selector[operatorId]", 0);
  if (state !== null && state !== "open" && state !== "closed") return error(422, "The selected state is invalid.");
  if (!["none", "private", "unread"].includes(selector)) return error(422, "The selected selector.name is invalid.");
  if (Number.isNaN(operatorId)) return error(422, "The selector.operatorId must be an integer.");
  return (fake) =>
    (term === "" || fake.chat.name.toLowerCase().includes(term)) &&
    (state === null || fake.state === state) &&
    (selector !== "unread" || unreadOf(fake) > 0) &&
    // "private": chats an operator has taken (our reading; the documents only name the value).
    (selector !== "private" || fake.operatorId !== null) &&
    (operatorId === 0 || fake.operatorId === operatorId);
}

const MEDIA_TYPES = ["picture", "file", "video", "audio", "voice", "animation"];

/** The content of `POST /v1/contacts/{id}/send`, or the 422 its body deserves. */
function contentToSend(body: unknown): WireContent | FakeResponse {
  if (typeof body !== "object" || body === null) return error(422, "The type field is required.");
  const fields = body as Record<string, unknown>;
  const type = fields.type;
  const text = (name: string): string | null => {
    const value = fields[name];
    return typeof value === "string" && value !== "" ? value : null;
  };
  const content = (parameters: Record<string, unknown>): WireContent => ({
    type: String(type),
    resource: { parameters },
  });
  if (type === "text") {
    const value = text("content");
    return value ? content({ content: value }) : error(422, "The content field is required when type is text.");
  }
  if (typeof type === "string" && MEDIA_TYPES.includes(type)) {
    const media = text("media");
    return media ? content({ url: media }) : error(422, `The media field is required when type is ${type}.`);
  }
  if (type === "location") {
    const latitude = Number(fields.latitude);
    const longitude = Number(fields.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      return error(422, "The latitude and longitude fields are required when type is location.");
    }
    return content({ latitude, longitude, ...(text("title") ? { title: text("title") } : {}) });
  }
  if (type === "contact") {
    const name = text("fullName");
    const phone = text("phoneNumber");
    if (!name || !phone) return error(422, "The fullName and phoneNumber fields are required when type is contact.");
    return content({ name, phoneNumber: phone });
  }
  return error(422, "The selected type is invalid.");
}

function sendToContact(store: SmartSenderStore, contactId: number, body: unknown): FakeResponse {
  const chatId = store.chatIdByContact.get(contactId);
  const fake = chatId === undefined ? undefined : store.chats.get(chatId);
  if (!fake) return error(404, "Contact not found.");
  const gate = fake.chat.gates.find((candidate) => candidate.subscribed);
  if (!gate) return error(422, "The contact is not subscribed to any channel.");
  const content = contentToSend(body);
  if ("status" in content) return content;
  const now = wireDate(Date.now());
  const message: WireMessage = {
    id: store.nextIds.message++,
    createdAt: now,
    deliveredAt: now,
    seenAt: null,
    internal: false,
    sender: { type: "bot", fullName: "Smart Sender", image: null },
    gate: gateRef(gate),
    content,
  };
  fake.messages.push(message);
  fake.chat.updatedAt = now;
  return ok(message);
}

/** The documented endpoints; every unknown path is a 404 in SmartSender's error body. */
export function route(store: SmartSenderStore, request: FakeRequest): FakeResponse {
  const { method, path, query } = request;
  if (method === "GET" && path === "/v1/chats") {
    const paging = pagingOf(query);
    if ("status" in paging) return paging;
    const filter = chatFilter(query);
    if (typeof filter !== "function") return filter;
    const chats = [...store.chats.values()].filter(filter).sort((a, b) => a.chat.id - b.chat.id);
    return paged(
      chats.map((fake) => fake.chat),
      paging,
    );
  }
  const chatMatch = /^\/v1\/chats\/(\d+)(?:\/(messages|read|close))?$/.exec(path);
  if (chatMatch) {
    const fake = store.chats.get(Number(chatMatch[1]));
    const action = chatMatch[2] ?? "";
    if (!fake) return error(404, "Chat not found.");
    if (method === "GET" && action === "") return ok(fake.chat);
    if (method === "GET" && action === "messages") {
      const paging = pagingOf(query);
      if ("status" in paging) return paging;
      const withActivities = flag(query, "activities");
      const newestFirst = fake.messages.filter((message) => withActivities || !message.internal).reverse();
      return paged(newestFirst, paging);
    }
    if (method === "PUT" && action === "read") {
      for (const gate of fake.chat.gates) gate.unreadMessages = 0;
      return ok({ state: true });
    }
    if (method === "PUT" && action === "close") {
      fake.state = "closed";
      return ok({ state: true });
    }
  }
  const sendMatch = /^\/v1\/contacts\/(\d+)\/send$/.exec(path);
  if (sendMatch && method === "POST") return sendToContact(store, Number(sendMatch[1]), request.body);
  return error(404, "Not found.");
}
