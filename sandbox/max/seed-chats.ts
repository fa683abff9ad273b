/**
 * The seed-derived chats in the MAX sandbox: the group chat of `fixtures/chat-by-link.json`
 * (with its sample messages and members) and the dialog of `fixtures/dialog-by-username.json`,
 * served verbatim, with older generated history behind them. Docs: seed
 * docs/providers/seeds/003_1ec703991a94c4d2.txt (the Chat object), docs/providers/max.md.
 */

import chatByLinkFixture from "@/lib/providers/max/fixtures/chat-by-link.json";
import dialogFixture from "@/lib/providers/max/fixtures/dialog-by-username.json";
import membersFixture from "@/lib/providers/max/fixtures/members.json";
import messagesFixture from "@/lib/providers/max/fixtures/messages.json";
import { generateConversation } from "@/sandbox/max/conversation";
import { asMember, plainUser } from "@/sandbox/max/people";
import { type ChatRecord, createdUpdate, storeMessage, type World } from "@/sandbox/max/store";
import type { WireChat, WireMember, WireMessage, WireUser, WireUserWithPhoto } from "@/sandbox/max/wire";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The seed-derived group chat, served verbatim, with older generated history behind its sample page. */
export function fixtureGroup(world: World): ChatRecord {
  const chat = structuredClone(chatByLinkFixture) as WireChat;
  const members = structuredClone(membersFixture.members) as WireMember[];
  const sample = (structuredClone(messagesFixture.messages) as WireMessage[]).reverse();
  const record: ChatRecord = { chat, messages: [], members };
  const customers = members.filter((member) => !member.is_bot).map(plainUser);
  const olderCount = (chat.messages_count ?? sample.length) - sample.length;
  const firstSampleAt = sample[0]?.timestamp ?? chat.last_event_time;
  const owner = customers[0] as WireUser;
  world.emit({
    update_type: "bot_added",
    timestamp: firstSampleAt - 40 * DAY,
    chat_id: chat.chat_id,
    user: owner,
    is_channel: false,
  });
  generateConversation(world, {
    record,
    customers,
    locale: "uk",
    count: olderCount,
    endAt: firstSampleAt - HOUR,
    maxGapMs: 6 * HOUR,
  });
  for (const message of sample) {
    storeMessage(record, message);
    world.emit(createdUpdate(message));
  }
  return record;
}

/** The seed-derived dialog (found by the customer's username), served verbatim. */
export function fixtureDialog(world: World): ChatRecord {
  const chat = structuredClone(dialogFixture) as WireChat;
  const customer = plainUser(chat.dialog_with_user as WireUserWithPhoto);
  const joinedAt = chat.last_event_time - 30 * DAY;
  const record: ChatRecord = {
    chat,
    messages: [],
    members: [asMember(world, customer, joinedAt, "member"), asMember(world, world.bot, joinedAt, "member")],
  };
  world.emit({
    update_type: "bot_started",
    timestamp: chat.last_event_time - 2 * DAY,
    chat_id: chat.chat_id,
    user: customer,
    payload: "site_footer",
    user_locale: "uk",
  });
  generateConversation(world, {
    record,
    customers: [customer],
    locale: "uk",
    count: 8,
    endAt: chat.last_event_time,
    maxGapMs: HOUR,
  });
  return record;
}
