import type { Page } from "@playwright/test";
import type { ChatListItem } from "@/lib/chats/list-chats";
import type { UnreadCounts } from "@/lib/chats/unread-counts";
import { apiJson, chatRow, connectionOf, openChat, startsWith } from "./support/inbox";
import { customerChat, ownChat, uniqueName } from "./support/own-chat";
import { sandboxCalls } from "./support/sandbox";
import { expect, test } from "./support/test";

/** SmartSender is told through the outbox; give it time in case another spec keeps its sandbox down a while. */
async function expectReadCall(externalId: string, since: number) {
  await expect
    .poll(
      async () =>
        (await sandboxCalls("smartsender", since)).filter(
          (call) => call.method === "PUT" && call.path === `/v1/chats/${externalId}/read` && call.status === 200,
        ).length,
      { timeout: 90_000, intervals: [500] },
    )
    .toBeGreaterThanOrEqual(1);
}

const unreadOf = async (page: Page, chatId: number) =>
  (await apiJson<ChatListItem>(page.request, `/api/chats/${chatId}`)).unreadCount;

/** The connection's unread total equals what its unread chats add up to. */
async function expectCountsConsistent(page: Page, connectionId: string) {
  await expect
    .poll(async () => {
      const counts = await apiJson<UnreadCounts>(page.request, "/api/counts");
      const unread = await apiJson<{ items: ChatListItem[] }>(
        page.request,
        `/api/chats?connection=${connectionId}&unread=1&limit=200`,
      );
      const listed = unread.items.reduce((sum, chat) => sum + chat.unreadCount, 0);
      return (counts.byConnection[connectionId]?.unread ?? 0) - listed;
    })
    .toBe(0);
}

test.describe("mark as read and unread", () => {
  test("opening an unread chat marks it read after a moment, and the provider is told", async ({ page }) => {
    const chat = await customerChat(
      page.request,
      "smartsender",
      "Unread customer",
      "Здравствуйте!",
      "Подскажите, где мой заказ?",
    );
    expect(chat.unreadCount).toBeGreaterThan(0);
    const { externalId } = chat;
    const since = Date.now();
    await openChat(page, chat);
    await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible({ timeout: 10_000 });
    await expect(chatRow(page, chat.title).getByRole("img", { name: /unread$/ })).toHaveCount(0);
    await expect.poll(() => unreadOf(page, chat.id)).toBe(0);
    await expectReadCall(externalId, since);
    await expectCountsConsistent(page, chat.connectionId);
  });

  test("“Mark as unread” and “Mark as read” change the badge and the totals at once and after a reload", async ({
    page,
  }) => {
    const chat = await ownChat(page.request, "smartsender", {
      title: uniqueName("Read customer"),
      messages: [{ text: "Добрый день" }, { from: "agent", text: "Здравствуйте! Чем помочь?" }],
    });
    const { externalId } = chat;
    const connection = await connectionOf(page.request, "smartsender");
    await openChat(page, chat);

    // Opened, so read (by this visit, or it already was).
    await page.getByRole("button", { name: "Mark as unread" }).click();
    await expect(chatRow(page, chat.title).getByRole("img", { name: "1 unread" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark as read" })).toBeVisible();
    await expect.poll(() => unreadOf(page, chat.id)).toBe(1);
    await expectCountsConsistent(page, chat.connectionId);

    // Still unread after a reload, in the inbox where no chat is open to be read.
    await page.goto(`/?q=${encodeURIComponent(chat.title)}`);
    await expect(chatRow(page, chat.title).getByRole("img", { name: "1 unread" })).toBeVisible();
    await expect(page.getByRole("button", { name: startsWith(connection.displayName) })).toContainText(/\d/);

    const since = Date.now();
    await chatRow(page, chat.title).click();
    // A new visit reads it after a moment; the button does the same at once.
    const markRead = page.getByRole("button", { name: "Mark as read" });
    if (await markRead.isVisible()) await markRead.click();
    await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
    await expect(chatRow(page, chat.title).getByRole("img", { name: /unread$/ })).toHaveCount(0);
    await expect.poll(() => unreadOf(page, chat.id)).toBe(0);
    await expectReadCall(externalId, since);

    await page.reload();
    await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
    await expect(chatRow(page, chat.title).getByRole("img", { name: /unread$/ })).toHaveCount(0);
    await expectCountsConsistent(page, chat.connectionId);
  });
});
