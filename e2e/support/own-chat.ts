import { randomInt } from "node:crypto";
import { type APIRequestContext, expect } from "@playwright/test";
import type { ChatDetail } from "@/lib/chats/get-chat";
import type { ChatListItem, ChatListPage } from "@/lib/chats/list-chats";
import type { ProviderKind } from "@/lib/providers/types";
import type { SeededChat } from "@/sandbox/core/seed-chat";
import { apiJson, chatDetail, connectionOf, newestMessages } from "./inbox";
import { type SeedChatRequest, seedChat } from "./sandbox";

/**
 * Each test works on chats it made itself at a sandbox provider, named so that no other test
 * (running at the same time in another worker) can pick them up or change them.
 */

/** `words` and eight random letters (letters only: the inbox searches titles by substring). */
export function uniqueName(words: string): string {
  const letters = Array.from({ length: 8 }, () => "abcdefghijklmnopqrstuvwxyz"[randomInt(26)]).join("");
  return `${words} ${letters}`;
}

export type OwnChat = ChatDetail & { seeded: SeededChat };

/** The inbox's row of a chat, found by its exact title, once the sync has stored the chat. */
export async function chatTitled(api: APIRequestContext, kind: ProviderKind, title: string): Promise<ChatListItem> {
  const connection = await connectionOf(api, kind);
  const query = `/api/chats?connection=${connection.id}&q=${encodeURIComponent(title)}&limit=5`;
  let chat: ChatListItem | undefined;
  await expect
    .poll(
      async () => {
        chat = (await apiJson<ChatListPage>(api, query)).items.find((item) => item.title === title);
        return chat !== undefined;
      },
      { timeout: 60_000, message: `the ${kind} chat "${title}" in the inbox` },
    )
    .toBe(true);
  return chat as ChatListItem;
}

/** Makes a chat at the provider's sandbox and waits until the inbox holds it with its newest message. */
export async function ownChat(api: APIRequestContext, kind: ProviderKind, input: SeedChatRequest): Promise<OwnChat> {
  const seeded = await seedChat(kind, input);
  const chat = await chatTitled(api, kind, input.title);
  const newest = seeded.messageExternalIds.at(-1);
  if (newest !== undefined || input.history) {
    await expect
      .poll(
        async () => {
          const { items } = await newestMessages(api, chat.id);
          return newest === undefined ? items.length > 0 : items.some((message) => message.externalId === newest);
        },
        { timeout: 60_000, message: `the newest message of "${input.title}" in the inbox` },
      )
      .toBe(true);
  }
  // Read again: the preview, unread count and times follow the messages.
  return { ...(await chatDetail(api, chat.id)), seeded };
}

/** The most common own chat: a new customer (named `words` and random letters) who wrote `texts`. */
export function customerChat(api: APIRequestContext, kind: ProviderKind, words: string, ...texts: string[]) {
  return ownChat(api, kind, { title: uniqueName(words), messages: texts.map((text) => ({ text })) });
}

/** A MAX group of this test's own with a public link (https://max.ru/<name>). */
export function publicGroup(api: APIRequestContext, words: string) {
  const title = uniqueName(words);
  return ownChat(api, "max", {
    title,
    group: true,
    public: true,
    members: ["Ann Lee"],
    messages: [{ text: "Всем привет" }],
  });
}
