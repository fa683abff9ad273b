/**
 * A sandbox Chat operations API (chat manager): a real HTTP server on loopback serving the
 * documented endpoints with Bearer auth, paging, Spring-style error bodies and seeded data.
 * Docs: ../shared/seeds/002_15fee2cb1c4a27a3.txt and ../shared/providers.md §4.
 *
 * Choices the documents leave open (each a documented-plausible form):
 * - A created chat (202), a removed participant (202) and a posted message (201) answer with
 *   the id as a JSON string (`"9a98…"`, what Spring sends for a returned UUID); `idFormat`
 *   switches to `{"id": …}` or a text/plain id so clients can be tested against all three.
 * - No rate limit is documented; `rateLimit` makes the fake enforce one (429 + Retry-After).
 * - Messages are stored and can be read by id, but no message list exists, so a message added
 *   with `injectInboundMessage` cannot be discovered by a client: only `snapshot()` shows it.
 */

import { inDefaultOrder, listChats } from "@/sandbox/chatops/list";
import {
  customer,
  invitationCode,
  namedCustomer,
  type Person,
  participantOf,
  SEED_BOT,
  uuid,
} from "@/sandbox/chatops/people";
import { buildStore, DEFAULT_SIZE, type FakeStore } from "@/sandbox/chatops/seed";
import {
  ACCOUNT_ID,
  detailTime,
  isMember,
  preciseTime,
  SERVICE,
  springError,
  type WireChat,
  type WireMessage,
  type WireParticipant,
} from "@/sandbox/chatops/wire";
import { createRng, type Rng, randomLocale } from "@/sandbox/core/corpus";
import {
  bearerToken,
  type FakeRequest,
  type FakeResponse,
  type InjectMessageInput,
  type SandboxFake,
  type SandboxFakeOptions,
  startFakeServer,
} from "@/sandbox/core/server";

export type IdFormat = "json-string" | "object" | "text";

export type ChatOpsFakeOptions = SandboxFakeOptions & {
  /** How 201/202 answers carry the id (undocumented). Default "json-string". */
  idFormat?: IdFormat;
  /** Enforce a rate limit (none is documented): over it, 429 with Retry-After in seconds. */
  rateLimit?: { limit: number; windowMs: number };
};

const DEFAULT_CHATOPS_TOKEN = "sandbox-chatops-token";
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `string(50)` in the documents: characters, not UTF-16 units. */
function tooLong(value: unknown, max: number): boolean {
  return value !== undefined && value !== null && (typeof value !== "string" || [...value].length > max);
}

function isBotName(participant: WireParticipant): boolean {
  return /bot$/i.test(participant.userProperties.username);
}

export async function startChatOpsFake(options: ChatOpsFakeOptions = {}): Promise<SandboxFake> {
  const token = options.token ?? DEFAULT_CHATOPS_TOKEN;
  const seed = options.seed ?? 4;
  const store: FakeStore = buildStore(createRng(seed), { ...DEFAULT_SIZE, ...options.data });
  // Ids made while running come from their own stream, so the seeded data never shifts.
  const runtimeRng: Rng = createRng(seed + 7_919);
  const idFormat = options.idFormat ?? "json-string";
  const requestTimes: number[] = [];

  const idAnswer = (status: number, id: string): FakeResponse => {
    if (idFormat === "object") return { status, json: { id } };
    if (idFormat === "text") return { status, text: id, contentType: "text/plain;charset=UTF-8" };
    return { status, json: id };
  };

  const tooManyRequests = (retryAfterSeconds: number): FakeResponse => ({
    ...springError(429, "Too many requests"),
    headers: { "retry-after": String(retryAfterSeconds) },
  });

  /** Seconds to wait when over the optional rate limit, else null (and the request counts). */
  const overRateLimit = (): number | null => {
    if (!options.rateLimit) return null;
    const { limit, windowMs } = options.rateLimit;
    const now = Date.now();
    while (requestTimes.length > 0 && (requestTimes[0] ?? now) <= now - windowMs) requestTimes.shift();
    if (requestTimes.length < limit) {
      requestTimes.push(now);
      return null;
    }
    return Math.max(1, Math.ceil(((requestTimes[0] ?? now) + windowMs - now) / 1000));
  };

  const addMessage = (chatId: string, writtenBy: string, text: string): WireMessage => {
    const now = preciseTime(Date.now());
    const message: WireMessage = {
      id: uuid(runtimeRng),
      writtenBy,
      writtenAt: now,
      deleted: false,
      content: [{ value: { text, entities: [] }, contentType: "text/plain", capturedAt: now }],
    };
    const messages = store.messages.get(chatId) ?? new Map<string, WireMessage>();
    messages.set(message.id, message);
    store.messages.set(chatId, messages);
    return message;
  };

  const addChat = (title: string, createdBy: string, participants: WireParticipant[]): WireChat => {
    const now = Date.now();
    const chat: WireChat = {
      id: uuid(runtimeRng),
      isActive: true,
      service: SERVICE,
      registeredAt: detailTime(now),
      createdBy,
      title: [{ value: title, contentType: "text/plain", capturedAt: preciseTime(now) }],
      participants,
    };
    store.chats.set(chat.id, chat);
    store.messages.set(chat.id, new Map());
    return chat;
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
    return idAnswer(202, addChat(body.title, createdBy, [bot]).id);
  };

  const removeParticipant = (chat: WireChat, participantId: string, path: string): FakeResponse => {
    const participant = chat.participants.find((candidate) => candidate.id === participantId);
    const latest = participant?.participations.at(-1);
    if (!latest) return springError(404, `Participant ${participantId} is not in chat ${chat.id}`, path);
    latest.isActive = false;
    return idAnswer(202, chat.id);
  };

  const invitation = (chat: WireChat): FakeResponse => {
    const link = store.invitations.get(chat.id) ?? `https://t.me/+${invitationCode(runtimeRng)}`;
    store.invitations.set(chat.id, link);
    return { status: 200, json: { service: chat.service, invitation: link } };
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
    return idAnswer(201, addMessage(chat.id, ACCOUNT_ID, body.text).id);
  };

  const handle = (request: FakeRequest): FakeResponse => {
    const { method, path } = request;
    if (bearerToken(request.headers) !== token) {
      return springError(401, "Full authentication is required to access this resource", path);
    }
    const waitSeconds = overRateLimit();
    if (waitSeconds !== null) return tooManyRequests(waitSeconds);
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
        return method === "GET" ? invitation(chat) : notAllowed;
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

  const newCustomer = (authorName: string | undefined): { person: Person; name: string } => {
    if (authorName !== undefined) return { person: namedCustomer(runtimeRng, authorName), name: authorName };
    const person = customer(runtimeRng, randomLocale(runtimeRng));
    return { person, name: person.fullName };
  };

  /** The author of an injected message: the named member, else a customer of the chat, else a newcomer. */
  const authorIn = (chat: WireChat, authorName: string | undefined): WireParticipant => {
    const staffIds = new Set(store.staff.agents.map((agent) => agent.id));
    const existing = chat.participants.find((participant) =>
      authorName === undefined
        ? isMember(participant) && !isBotName(participant) && !staffIds.has(participant.id)
        : participant.userProperties.firstname === authorName || participant.userProperties.username === authorName,
    );
    if (existing) return existing;
    const newcomer = participantOf(newCustomer(authorName).person, preciseTime(Date.now()));
    chat.participants.push(newcomer);
    return newcomer;
  };

  const injectInboundMessage = (input: InjectMessageInput) => {
    let chat = input.chatExternalId === undefined ? undefined : store.chats.get(input.chatExternalId);
    if (input.chatExternalId !== undefined && !chat) throw new Error(`No chat ${input.chatExternalId} in the sandbox`);
    if (!chat) {
      const { person, name } = newCustomer(input.authorName);
      const now = preciseTime(Date.now());
      chat = addChat(name, ACCOUNT_ID, [participantOf(SEED_BOT, now), participantOf(person, now)]);
    }
    const message = addMessage(chat.id, authorIn(chat, input.authorName).id, input.text);
    return { chatExternalId: chat.id, messageExternalId: message.id };
  };

  const server = await startFakeServer({
    name: "chatops",
    handle,
    errorBody: (status, message) => springError(status, message),
    rateLimited: () => tooManyRequests(1),
    control: {
      "inject-message": (request) => {
        const body = request.body;
        if (!isRecord(body) || typeof body.text !== "string" || body.text === "") {
          return { status: 400, json: { error: "text is required" } };
        }
        const input: InjectMessageInput = {
          text: body.text,
          ...(typeof body.chatExternalId === "string" ? { chatExternalId: body.chatExternalId } : {}),
          ...(typeof body.authorName === "string" ? { authorName: body.authorName } : {}),
        };
        if (input.chatExternalId !== undefined && !store.chats.has(input.chatExternalId)) {
          return { status: 404, json: { error: `No chat ${input.chatExternalId}` } };
        }
        return { status: 200, json: injectInboundMessage(input) };
      },
    },
    faults: options.faults,
    seed,
    port: options.port,
  });

  return {
    ...server,
    kind: "chatops",
    token,
    snapshot: () => ({
      chats: inDefaultOrder(store.chats.values()).map((chat) => ({
        externalId: chat.id,
        messageExternalIds: [...(store.messages.get(chat.id)?.keys() ?? [])],
      })),
    }),
    injectInboundMessage,
    connection: () => ({ baseUrl: server.url, credentials: { token }, settings: {} }),
  };
}
