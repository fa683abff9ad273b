/**
 * The sandbox Chat operations API's documented endpoints under `/api/v1/private/chats`, with
 * Spring-style error bodies. Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and
 * docs/providers/chatops.md.
 *
 * A created chat (202), a removed participant (202) and a posted message (201) answer with the
 * id; the documents leave the form open, so `idFormat` picks one of three plausible ones.
 */
import { listChats } from "@/sandbox/chatops/list";
import { participantOf, SEED_BOT } from "@/sandbox/chatops/people";
import { addChat, addMessage, type ChatOpsStore, invitationOf } from "@/sandbox/chatops/store";
import { ACCOUNT_ID, preciseTime, springError, type WireChat } from "@/sandbox/chatops/wire";
import { type FakeRequest, type FakeResponse, isRecord } from "@/sandbox/core/http";

/** `"9a98…"` (what Spring sends for a returned UUID), `{"id": …}` or a text/plain id. */
export type IdFormat = "json-string" | "object" | "text";

const CHATS_PATH = "/api/v1/private/chats";
const CREATED_BY_MAX = 50;
const DESCRIPTION_MAX = 255;

type Route =
  | { kind: "chats" }
  | { kind: "chat"; chatId: string }
  | { kind: "participant"; chatId: string; participantId: string }
  | { kind: "invitation"; chatId: string }
  | { kind: "messages"; chatId: string }
  | { kind: "message"; chatId: string; messageId: string };

function routeOf(path: string): Route | null {
  if (!path.startsWith(CHATS_PATH)) return null;
  const rest = path.slice(CHATS_PATH.length);
  if (rest !== "" && !rest.startsWith("/")) return null;
  const [chatId, sub, subId, ...extra] = rest.split("/").filter((part) => part !== "");
  if (extra.length > 0) return null;
  if (chatId === undefined) return { kind: "chats" };
  if (sub === undefined) return { kind: "chat", chatId };
  if (sub === "participants" && subId !== undefined) return { kind: "participant", chatId, participantId: subId };
  if (sub === "invitation" && subId === undefined) return { kind: "invitation", chatId };
  if (sub === "messages")
    return subId === undefined ? { kind: "messages", chatId } : { kind: "message", chatId, messageId: subId };
  return null;
}

/** `string(50)` in the documents: characters, not UTF-16 units. */
function tooLong(value: unknown, max: number): boolean {
  return value !== undefined && value !== null && (typeof value !== "string" || [...value].length > max);
}

export function chatOpsRoutes(store: ChatOpsStore, idFormat: IdFormat) {
  const idAnswer = (status: number, id: string): FakeResponse => {
    if (idFormat === "object") return { status, json: { id } };
    if (idFormat === "text") return { status, text: id, contentType: "text/plain;charset=UTF-8" };
    return { status, json: id };
  };

  const createChat = (request: FakeRequest): FakeResponse => {
    const body = request.body;
    if (!isRecord(body)) return springError(400, "The body must be a JSON object", request.path);
    if (typeof body.title !== "string" || body.title.trim() === "") {
      return springError(400, "title is mandatory", request.path);
    }
    if (tooLong(body.createdBy, CREATED_BY_MAX)) {
      return springError(400, `createdBy must be a string of at most ${CREATED_BY_MAX} characters`, request.path);
    }
    if (tooLong(body.description, DESCRIPTION_MAX)) {
      return springError(400, `description must be a string of at most ${DESCRIPTION_MAX} characters`, request.path);
    }
    // The detail documents no description: it is accepted and checked, not served back.
    const createdBy = typeof body.createdBy === "string" ? body.createdBy : ACCOUNT_ID;
    const bot = participantOf(SEED_BOT, preciseTime(Date.now()));
    return idAnswer(202, addChat(store, body.title, createdBy, [bot]).id);
  };

  const removeParticipant = (chat: WireChat, participantId: string, path: string): FakeResponse => {
    const participant = chat.participants.find((candidate) => candidate.id === participantId);
    const latest = participant?.participations.at(-1);
    if (!latest) return springError(404, `Participant ${participantId} is not in chat ${chat.id}`, path);
    latest.isActive = false;
    return idAnswer(202, chat.id);
  };

  const postMessage = (chat: WireChat, request: FakeRequest): FakeResponse => {
    const body = request.body;
    if (!isRecord(body) || typeof body.text !== "string" || body.text.trim() === "") {
      return springError(400, "text is mandatory", request.path);
    }
    if (body.pinMessage !== undefined && typeof body.pinMessage !== "boolean") {
      return springError(400, "pinMessage must be a boolean", request.path);
    }
    // Messages posted through the API are written by the API account (the seed's createdBy).
    return idAnswer(201, addMessage(store, chat.id, ACCOUNT_ID, body.text).id);
  };

  return (request: FakeRequest): FakeResponse => {
    const { method, path } = request;
    const route = routeOf(path);
    if (!route) return springError(404, `No endpoint ${method} ${path}`, path);
    const notAllowed = springError(405, `Request method '${method}' is not supported`, path);
    if (route.kind === "chats") {
      if (method === "GET") return listChats(store.chats.values(), request.query, path);
      return method === "POST" ? createChat(request) : notAllowed;
    }
    const chat = store.chats.get(route.chatId);
    if (!chat) return springError(404, `Chat ${route.chatId} not found`, path);
    switch (route.kind) {
      case "chat":
        return method === "GET" ? { status: 200, json: chat } : notAllowed;
      case "participant":
        return method === "DELETE" ? removeParticipant(chat, route.participantId, path) : notAllowed;
      case "invitation":
        return method === "GET"
          ? { status: 200, json: { service: chat.service, invitation: invitationOf(store, chat) } }
          : notAllowed;
      case "messages":
        return method === "POST" ? postMessage(chat, request) : notAllowed;
      case "message": {
        if (method !== "GET") return notAllowed;
        const message = store.messages.get(chat.id)?.get(route.messageId);
        return message
          ? { status: 200, json: message }
          : springError(404, `Message ${route.messageId} not found in chat ${chat.id}`, path);
      }
    }
  };
}
