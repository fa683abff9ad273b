import type { ChatListPage } from "@/lib/chats/list-chats";
import { apiJson, chatList, chatRow, messageLog, startsWith } from "../support/inbox";
import { customerChat, ownChat, uniqueName } from "../support/own-chat";
import { expect, test } from "../support/test";
import { backToChats, chatActions, listScroller, openInboxOnPhone, PHONE } from "./phone";

test.use(PHONE);

/** The list's own address with exactly these filters (in any order). */
const listWith = (filters: Record<string, string>) => (url: URL) =>
  url.pathname === "/" &&
  JSON.stringify([...url.searchParams].sort()) === JSON.stringify(Object.entries(filters).sort());

test.describe("phone layout (390 × 844)", () => {
  test("one column: the list, then the chat as its own screen; back (button or browser) returns to the list as it was", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // A list of this test's own, longer than the screen: customers who wrote and wait for an answer.
    const batch = uniqueName("Phone list");
    const chats = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        ownChat(page.request, "tgbridge", {
          title: `${batch} ${String(index).padStart(2, "0")}`,
          messages: [{ text: "Здравствуйте, где мой заказ?" }],
        }),
      ),
    );
    const filters = { q: batch, status: "open" };
    await openInboxOnPhone(page, `/?${new URLSearchParams(filters)}`);
    await expect(chatList(page).getByRole("listitem").first()).toBeVisible();

    // Scrolled to the end of the filtered list, the chat at the bottom is opened.
    await expect(async () => {
      await listScroller(page).evaluate((element) => element.scrollTo(0, element.scrollHeight));
      expect(await listScroller(page).evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
    }).toPass({ timeout: 10_000 });
    await page.waitForTimeout(200);
    const scrolledTo = await listScroller(page).evaluate((element) => element.scrollTop);
    const lastRow = chatList(page).getByRole("link").last();
    const title = (await lastRow.textContent()) ?? "";
    const chat = chats.find((candidate) => title.includes(candidate.title));
    if (!chat) throw new Error(`The last row "${title}" is none of this test's chats`);
    await chatRow(page, chat.title).tap();

    // The chat fills the screen: its header with a way back, no list, no app header beside or above it.
    await expect(page).toHaveURL(new RegExp(`/chats/${chat.id}\\?`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(chat.title);
    await expect(messageLog(page)).toBeVisible();
    await expect(chatList(page)).toBeHidden();
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    const header = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(header?.y ?? 999).toBeLessThan(30);

    // The back button: the list with its filters, search and scroll position, and focus on the row left.
    await backToChats(page).tap();
    await expect(page).toHaveURL(listWith(filters));
    await expect(chatList(page)).toBeVisible();
    await expect(messageLog(page)).toBeHidden();
    expect(await listScroller(page).evaluate((element) => element.scrollTop)).toBe(scrolledTo);
    await expect(chatRow(page, chat.title)).toBeFocused();
    await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("open");

    // The browser's back button does the same.
    await chatRow(page, chat.title).tap();
    await expect(messageLog(page)).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(listWith(filters));
    await expect(chatList(page)).toBeVisible();
    expect(await listScroller(page).evaluate((element) => element.scrollTop)).toBe(scrolledTo);

    // A chat opened from a link has no list behind it: back goes to the list, filtered as the link says.
    await page.goto(`/chats/${chat.id}?connection=${chat.connectionId}`);
    await backToChats(page).tap();
    await expect(page).toHaveURL(listWith({ connection: chat.connectionId }));
    await expect(chatList(page).getByRole("link").first()).toBeVisible();
  });

  test("the chat list stays virtualized in one column: few rows exist, and scrolling reaches the last chat", async ({
    page,
  }) => {
    await openInboxOnPhone(page);
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const pageOfChats: ChatListPage = await apiJson<ChatListPage>(
        page.request,
        `/api/chats?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      );
      titles.push(...pageOfChats.items.map((chat) => chat.title));
      cursor = pageOfChats.nextCursor;
    } while (cursor);
    expect(titles.length).toBeGreaterThan(100);
    const list = chatList(page);
    await expect(list.getByRole("link").first()).toBeVisible();
    const listBox = await list.boundingBox();
    expect(listBox?.width).toBeGreaterThan(380);
    expect(await list.getByRole("listitem").count()).toBeLessThan(40);

    const last = titles.at(-1) ?? "";
    await expect(async () => {
      await listScroller(page).evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await expect(list.getByRole("link", { name: startsWith(last) }).last()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    expect(await list.getByRole("listitem").count()).toBeLessThan(40);
  });

  test("the chat's actions fold into a menu: arrows, Escape and focus return, and a chosen dialog returns focus too", async ({
    page,
  }) => {
    const chat = await ownChat(page.request, "chatops", {
      title: uniqueName("Phone menu group"),
      members: ["Ann Lee"],
    });
    await page.goto(`/chats/${chat.id}`);
    const button = chatActions(page);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    // On a phone the actions are not buttons in the header.
    await expect(page.getByRole("button", { name: "Copy invitation link" })).toBeHidden();

    await button.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "Chat actions" });
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const items = menu.getByRole("menuitem");
    // Exactly what the provider can do (chat operations cannot close chats), then the team's own workflow.
    await expect(items).toHaveText([
      "Mark as unread",
      "Copy invitation link",
      /^Participants/,
      "Assign to me",
      "Assign…",
      "Snooze…",
      "Resolve",
    ]);
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(items.nth(1)).toBeFocused();
    await page.keyboard.press("End");
    await expect(items.last()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(items.last()).toBeFocused();
    await page.keyboard.press("Home");
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute("aria-expanded", "false");

    // ArrowUp opens it at the last item; a tap elsewhere closes it.
    await page.keyboard.press("ArrowUp");
    await expect(items.last()).toBeFocused();
    await messageLog(page).tap({ position: { x: 20, y: 20 } });
    await expect(menu).toBeHidden();

    // An item that opens a dialog: closing the dialog gives the focus back to the menu button.
    await button.tap();
    await menu.getByRole("menuitem", { name: /^Participants/ }).tap();
    const dialog = page.getByRole("dialog", { name: `Participants of ${chat.title}` });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test("with the on-screen keyboard up the composer stays in view and keeps its text", async ({ page }) => {
    const chat = await customerChat(page.request, "tgbridge", "Phone keyboard customer", "Где мой заказ?");
    await page.goto(`/chats/${chat.id}`);
    const box = page.getByRole("textbox", { name: "Message" });
    await box.tap();
    await box.fill("Проверяю ваш заказ");
    // A keyboard of 364 px takes the bottom of the screen: the page gets that much shorter.
    await page.setViewportSize({ width: 390, height: 480 });
    await expect(box).toBeFocused();
    await expect(box).toHaveValue("Проверяю ваш заказ");
    await expect(box).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("button", { name: "Send", exact: true })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    // Nothing is pushed below the visible part of the page.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(480);
    const composerBottom = await box.evaluate((element) => element.getBoundingClientRect().bottom);
    expect(composerBottom).toBeLessThanOrEqual(480);
  });
});
