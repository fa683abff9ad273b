/**
 * A chat operations chat made to a test's order (`POST /__sandbox/chats`): a support group
 * with the installation's bot, the seed's agent and the given customers. The API lists no
 * messages (docs/providers/chatops.md), so a test cannot give any; every chat is a group.
 */
import { namedCustomer, participantOf, SEED_AGENT, SEED_BOT } from "@/sandbox/chatops/people";
import { addChat, type ChatOpsStore } from "@/sandbox/chatops/store";
import { ACCOUNT_ID, preciseTime } from "@/sandbox/chatops/wire";
import { refuseUnsupported, type SeedChatInput, type SeededChat } from "@/sandbox/core/seed-chat";

export function seedChat(store: ChatOpsStore, input: SeedChatInput): SeededChat {
  refuseUnsupported("chat operations", input, ["public", "history", "messages"]);
  const joinedAt = preciseTime(Date.now());
  const customers = input.members.map((name) => participantOf(namedCustomer(store.rng, name), joinedAt, SEED_AGENT.id));
  const staff = [participantOf(SEED_BOT, joinedAt), participantOf(SEED_AGENT, joinedAt)];
  const chat = addChat(store, input.title, ACCOUNT_ID, [...staff, ...customers]);
  chat.isActive = !input.closed;
  return { chatExternalId: chat.id, messageExternalIds: [] };
}
