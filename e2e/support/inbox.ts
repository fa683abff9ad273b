import { type APIRequestContext, expect, type Page } from "@playwright/test";
import type { ChatDetail } from "@/lib/chats/get-chat";
import type { ChatListItem, ChatListPage } from "@/lib/chats/list-chats";
import type { ConnectionSummary } from "@/lib/connections/list-connections";
import type { ThreadPage } from "@/lib/messages/read-thread";
import type { ProviderKind } from "@/lib/providers/types";

export async function apiJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

export async function connectionOf(api: APIRequestContext, kind: ProviderKind): Promise<ConnectionSummary> {
  const connections = await apiJson<ConnectionSummary[]>(api, "/api/connections");
  const connection = connections.find((candidate) => candidate.kind === kind);
  if (!connection) throw new Error(`No ${kind} connection`);
  return connection;
}

/** Every chat of a provider, in list order (the sync may still be filling the cache: wait for `atLeast`). */
export async function chatsOf(api: APIRequestContext, kind: ProviderKind, atLeast = 1): Promise<ChatListItem[]> {
  const connection = await connectionOf(api, kind);
  let chats: ChatListItem[] = [];
  await expect
    .poll(
      async () => {
        chats = [];
        let cursor: string | null = null;
        do {
          const query: string = `/api/chats?connection=${connection.id}&limit=200${cursor ? `&cursor=${cursor}` : ""}`;
          const page: ChatListPage = await apiJson<ChatListPage>(api, query);
          chats.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return chats.length;
      },
      { timeout: 60_000, message: `${kind} chats in the cache` },
    )
    .toBeGreaterThanOrEqual(atLeast);
  return chats;
}

export const chatDetail = (api: APIRequestContext, chatId: number) => apiJson<ChatDetail>(api, `/api/chats/${chatId}`);

export const newestMessages = (api: APIRequestContext, chatId: number, limit = 50) =>
  apiJson<ThreadPage>(api, `/api/chats/${chatId}/messages?limit=${limit}`);

export const chatList = (page: Page) => page.getByRole("list", { name: "Chats" });
export const messageLog = (page: Page) => page.getByRole("log", { name: "Messages" });

/** A message of the open thread, by (part of) its text. */
export const messageWithText = (page: Page, text: string) =>
  messageLog(page).locator("[data-message-id]").filter({ hasText: text });

/** Opens a chat by its URL, with the list searched for its title so its row is on screen too. */
export async function openChat(page: Page, chat: Pick<ChatListItem, "id" | "title">) {
  await page.goto(`/chats/${chat.id}?q=${encodeURIComponent(chat.title)}`);
  await expect(messageLog(page)).toBeVisible();
}

/** Matches an accessible name that starts with `text`. */
export const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** The list row of a chat (a link named by its title). */
export const chatRow = (page: Page, title: string) =>
  chatList(page)
    .getByRole("link", { name: startsWith(title) })
    .first();

/**
 * Attaches a screenshot to the report; with UPDATE_SCREENSHOTS=1 also refreshes the committed
 * copy in e2e/screenshots (not on every run: the working tree would change with each test run).
 */
export async function attachScreenshot(
  page: Page,
  name: string,
  testInfo: { attach: (name: string, options: { body: Buffer; contentType: string }) => Promise<void> },
) {
  const path = process.env.UPDATE_SCREENSHOTS === "1" ? `e2e/screenshots/${name}.png` : undefined;
  const body = await page.screenshot({ path });
  await testInfo.attach(name, { body, contentType: "image/png" });
}

/** Scrolls the virtualized thread up until a message is rendered, then brings it into view. */
export async function scrollToMessage(page: Page, messageId: number) {
  const log = messageLog(page);
  const message = log.locator(`[data-message-id="${messageId}"]`);
  if ((await message.count()) === 0) await log.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  for (let step = 0; step < 200 && (await message.count()) === 0; step += 1) {
    await log.evaluate((element) => element.scrollBy(0, -400));
    await page.waitForTimeout(50);
  }
  if ((await message.count()) === 0) throw new Error(`Message ${messageId} never appeared in the thread`);
  await message.scrollIntoViewIfNeeded();
  return message;
}
