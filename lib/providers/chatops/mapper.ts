/**
 * Chat operations API payloads → normalized rows. Pure functions, no I/O.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt (Chat) and docs/providers/chatops.md (Message).
 *
 * Chats are Telegram groups the API manages, so every chat is a "group". The API keeps
 * histories rather than current values: `title` lists every title the chat has had, a
 * participant's `participations` every time they joined, a message's `content` every version
 * of it. The newest entry of each is the current value. The documents show no reactions,
 * reply quotes or attachments, so messages never carry them.
 */
import type { z } from "zod";
import { parseChatOpsTimestamp } from "@/lib/providers/chatops/time";
import {
  type ChatOpsChat,
  type ChatOpsContent,
  type ChatOpsMessage,
  type ChatOpsParticipant,
  type ChatOpsParticipation,
  contentSchema,
  participantSchema,
  participationSchema,
  titleSchema,
} from "@/lib/providers/chatops/wire";
import { eachItem } from "@/lib/providers/items";
import type {
  MessageDirection,
  NormalizedChat,
  NormalizedMessage,
  NormalizedParticipant,
  ParticipantList,
} from "@/lib/providers/types";

function timestamp(text: string | null | undefined): Date | null {
  return text ? parseChatOpsTimestamp(text) : null;
}

/** The entries of a history that read as `schema`; an unreadable entry is left out, not the item. */
function entriesOf<S extends z.ZodType>(schema: S, raws: readonly unknown[] | null | undefined): z.output<S>[] {
  return eachItem("entries", schema, raws, (entry) => [entry]).items;
}

/** The entry with the latest time (an entry without a readable time counts as oldest); on a tie the later one. */
function newest<T>(entries: readonly T[], timeOf: (entry: T) => string | null | undefined): T | null {
  let best: T | null = null;
  let bestTime = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    const time = timestamp(timeOf(entry))?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (time >= bestTime) {
      best = entry;
      bestTime = time;
    }
  }
  return best;
}

function currentTitle(chat: ChatOpsChat): string | null {
  const titles = entriesOf(titleSchema, chat.title).filter((title) => title.value?.trim());
  return newest(titles, (title) => title.capturedAt)?.value?.trim() || null;
}

function latestParticipation(participant: ChatOpsParticipant): ChatOpsParticipation | null {
  return newest(entriesOf(participationSchema, participant.participations), (participation) => participation.joinedAt);
}

function participantsOf(chat: ChatOpsChat): ChatOpsParticipant[] {
  return entriesOf(participantSchema, chat.participants);
}

/** A participant is a member now when their latest participation is active. */
function isActiveParticipant(participant: ChatOpsParticipant): boolean {
  return latestParticipation(participant)?.isActive ?? false;
}

export function mapChat(chat: ChatOpsChat): NormalizedChat {
  return {
    externalId: chat.id,
    kind: "group",
    // A chat without any title is shown by its id rather than as a blank row.
    title: currentTitle(chat) ?? chat.id,
    avatarUrl: null,
    status: chat.isActive === false ? "closed" : "open",
    // The API has a boolean, not a status word.
    providerStatus: null,
    phone: null,
    // The invitation link is a separate request (invitationLink), not part of the chat.
    publicLink: null,
    participantsCount: chat.participants ? participantsOf(chat).filter(isActiveParticipant).length : null,
    providerUnreadCount: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: timestamp(chat.registeredAt),
    raw: chat,
  };
}

/** Telegram requires a bot's username to end in "bot" (e.g. the seed's "Flood_wait_bot"); no flag is documented. */
function looksLikeBot(username: string | null | undefined): boolean {
  return typeof username === "string" && /bot$/i.test(username.trim());
}

function mapParticipant(participant: ChatOpsParticipant): NormalizedParticipant {
  const { firstname, lastname, username } = participant.userProperties ?? {};
  const name = [firstname, lastname]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  const latest = latestParticipation(participant);
  return {
    externalId: participant.id,
    name: name || null,
    username: username?.trim() || null,
    isActive: latest?.isActive ?? false,
    isBot: looksLikeBot(username),
    joinedAt: timestamp(latest?.joinedAt),
    invitedBy: latest?.invitedBy ?? null,
    raw: participant,
  };
}

/** The chat's members; an entry without an id or of another shape is left out of the list, and reported. */
export function mapParticipants(chat: ChatOpsChat): ParticipantList {
  return eachItem("participants", participantSchema, chat.participants, (entry) => [mapParticipant(entry)]);
}

/**
 * `direction` comes from the caller: a message has only `writtenBy` (an id), and the documents
 * do not say which ids are ours. The adapter only ever reads messages it has just sent.
 */
export function mapMessage(
  message: ChatOpsMessage,
  context: { chatExternalId: string; direction: MessageDirection },
): NormalizedMessage {
  const versions = entriesOf(contentSchema, message.content);
  const current: ChatOpsContent | null = newest(versions, (content) => content.capturedAt);
  const lastChange = timestamp(current?.capturedAt);
  const writtenAt = timestamp(message.writtenAt) ?? new Date(0);
  return {
    externalId: String(message.id),
    chatExternalId: context.chatExternalId,
    direction: context.direction,
    systemEvent: null,
    authorName: null,
    authorExternalId: message.writtenBy ?? null,
    text: current?.value?.text ?? null,
    createdAt: writtenAt,
    // Every edit adds a content version: more than one means the message was edited.
    editedAt: versions.length > 1 ? lastChange : null,
    // `deleted` is a flag without a time; the last known change is the closest time we have.
    deletedAt: message.deleted === true ? (lastChange ?? writtenAt) : null,
    replyTo: null,
    reactions: [],
    attachments: [],
    deliveryState: context.direction === "outbound" ? "sent" : null,
    raw: message,
  };
}

/** What we know of a message we posted when the provider did not let us read it back. */
export function sentMessage(posted: {
  id: string;
  chatExternalId: string;
  text: string;
  postedAt: Date;
}): NormalizedMessage {
  return {
    externalId: posted.id,
    chatExternalId: posted.chatExternalId,
    direction: "outbound",
    systemEvent: null,
    authorName: null,
    authorExternalId: null,
    text: posted.text,
    createdAt: posted.postedAt,
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    reactions: [],
    attachments: [],
    deliveryState: "sent",
    // The 201 carried only the id.
    raw: { id: posted.id },
  };
}
