import type { ChatListItem } from "@/lib/chats/list-chats";
import { apiJson, chatRow, openChat } from "../support/inbox";
import { customerChat } from "../support/own-chat";
import { expect, test } from "../support/test";

test("with “Mark chats as read when I open them” off, an opened chat stays unread", async ({ page }) => {
  const chat = await customerChat(page.request, "tgbridge", "Unread customer", "Здравствуйте", "Есть кто-нибудь?");
  expect(chat.unreadCount).toBeGreaterThan(0);
  await page.goto("/");
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  const autoRead = dialog.getByLabel("Mark chats as read when I open them");
  await expect(autoRead).toBeChecked();
  await autoRead.uncheck();
  await expect(autoRead).not.toBeChecked();
  await page.keyboard.press("Escape");
  try {
    await page.reload();
    await openChat(page, chat);
    await expect(page.getByRole("button", { name: "Mark as read" })).toBeVisible();
    await page.waitForTimeout(4000);
    await expect(page.getByRole("button", { name: "Mark as read" })).toBeVisible();
    await expect(chatRow(page, chat.title).getByRole("img", { name: /unread$/ })).toBeVisible();
    expect((await apiJson<ChatListItem>(page.request, `/api/chats/${chat.id}`)).unreadCount).toBeGreaterThan(0);
  } finally {
    await page.request.patch("/api/me", {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: { autoMarkRead: true },
    });
  }
});
