import type { Page } from "@playwright/test";
import type { ChatListItem } from "@/lib/chats/list-chats";
import { apiJson, chatList, chatRow, messageLog, messageWithText } from "../support/inbox";
import { customerChat, ownChat, uniqueName } from "../support/own-chat";
import { bodyText, sandboxCalls } from "../support/sandbox";
import { expect, test } from "../support/test";
import { backToChats, chatActions, openInboxOnPhone, PHONE } from "./phone";

test.use({ ...PHONE, permissions: ["clipboard-read", "clipboard-write"] });

/** Finds a chat by search and opens it with a tap, as an agent on a phone would. */
async function openFromList(page: Page, chat: Pick<ChatListItem, "id" | "title">) {
  await openInboxOnPhone(page, `/?q=${encodeURIComponent(chat.title)}`);
  await chatRow(page, chat.title).tap();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(chat.title);
  await expect(messageLog(page)).toBeVisible();
  await expect(chatList(page)).toBeHidden();
}

const menuItem = (page: Page, name: string | RegExp) =>
  page.getByRole("menu", { name: "Chat actions" }).getByRole("menuitem", { name });

test.describe("main flows on a phone (390 × 844)", () => {
  test("open a chat from the list, reply, and the provider gets the reply", async ({ page }) => {
    const chat = await customerChat(page.request, "tgbridge", "Phone customer", "Добрый день, когда доставка?");
    await openFromList(page, chat);

    const box = page.getByRole("textbox", { name: "Message" });
    await box.tap();
    const text = `Отправили курьером, номер пришлём ${Date.now()}`;
    const since = Date.now();
    await box.fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).tap();
    await expect(box).toHaveValue("");
    const bubble = messageWithText(page, text);
    await expect(bubble).toBeInViewport();
    await expect(bubble.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (await sandboxCalls("tgbridge", since)).some(
            (call) => /SendChatTGMessage/i.test(call.path) && call.status === 200 && bodyText(call).includes(text),
          ),
        { timeout: 30_000 },
      )
      .toBe(true);

    await backToChats(page).tap();
    await expect(chatRow(page, chat.title)).toContainText(text.slice(0, 20));
  });

  test("mark as unread and as read from the chat's menu; the list and the provider follow", async ({ page }) => {
    const chat = await ownChat(page.request, "smartsender", {
      title: uniqueName("Phone read customer"),
      messages: [{ text: "Добрый день" }, { from: "agent", text: "Здравствуйте! Чем помочь?" }],
    });
    const { externalId } = chat;
    const unreadOf = async () => (await apiJson<ChatListItem>(page.request, `/api/chats/${chat.id}`)).unreadCount;
    await openFromList(page, chat);
    // Opened, so read (by this visit, or it already was).
    await expect.poll(unreadOf).toBe(0);

    await chatActions(page).tap();
    await menuItem(page, "Mark as unread").tap();
    await expect.poll(unreadOf).toBe(1);
    await chatActions(page).tap();
    const markRead = menuItem(page, "Mark as read");
    await expect(markRead).toBeVisible();
    const since = Date.now();
    await markRead.tap();
    await expect.poll(unreadOf).toBe(0);
    await expect
      .poll(
        async () =>
          (await sandboxCalls("smartsender", since)).some(
            (call) => call.method === "PUT" && call.path === `/v1/chats/${externalId}/read` && call.status === 200,
          ),
        { timeout: 90_000, intervals: [500] },
      )
      .toBe(true);

    await backToChats(page).tap();
    await expect(chatRow(page, chat.title)).toBeVisible();
    await expect(chatRow(page, chat.title).getByRole("img", { name: /unread$/ })).toHaveCount(0);
  });

  test("copy a chat's invitation link from the chat's menu", async ({ page }) => {
    const chat = await ownChat(page.request, "chatops", {
      title: uniqueName("Phone invitation group"),
      members: ["Ann Lee"],
    });
    await openFromList(page, chat);
    const invitation = await page.request.post(`/api/chats/${chat.id}/invitation`, {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: {},
    });
    expect(invitation.status()).toBe(200);
    const { link } = (await invitation.json()) as { link: string };
    await chatActions(page).tap();
    const copy = menuItem(page, "Copy invitation link");
    await expect(copy).not.toHaveAttribute("aria-disabled", "true");
    await copy.tap();
    await expect(page.getByText("Invitation link copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(chatActions(page)).toBeFocused();
  });
});
