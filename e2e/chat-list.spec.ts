import type { ChatListPage } from "@/lib/chats/list-chats";
import { PROVIDER_KINDS } from "@/lib/providers/types";
import { apiJson, attachScreenshot, chatList, chatsOf, connectionOf } from "./support/inbox";
import { customerChat, ownChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

test.describe("chat list", () => {
  test("shows the chats of all four providers, newest activity first, each a link named by its title", async ({
    page,
  }, testInfo) => {
    for (const kind of PROVIDER_KINDS) await chatsOf(page.request, kind);
    await page.goto("/");
    const list = chatList(page);

    await expect(async () => {
      const newest = await apiJson<ChatListPage>(page.request, "/api/chats?limit=5");
      for (const [index, chat] of newest.items.entries()) {
        await expect(list.getByRole("link").nth(index)).toHaveAccessibleName(startsWith(chat.title), { timeout: 1000 });
      }
    }).toPass({ timeout: 20_000 });

    for (const kind of PROVIDER_KINDS) {
      const connection = await connectionOf(page.request, kind);
      const chip = page.getByRole("button", { name: startsWith(connection.displayName) });
      await chip.click();
      await expect(chip).toHaveAttribute("aria-pressed", "true");
      const [first] = (await apiJson<ChatListPage>(page.request, `/api/chats?connection=${connection.id}&limit=1`))
        .items;
      if (!first) throw new Error(`${kind} has no chats`);
      const row = list.getByRole("link").first();
      // The name carries the title first, then the provider (its icon is decorative).
      await expect(row).toHaveAccessibleName(startsWith(first.title));
      await expect(row).toHaveAccessibleName(new RegExp(connection.displayName.replace(/[()]/g, "\\$&")));
      if (first.lastMessagePreview) await expect(row).toContainText(first.lastMessagePreview.slice(0, 20));
      await expect(row.locator("time")).toHaveText(/ago|now|min|hr|day|sec|yesterday/i);
      await chip.click();
      await expect(chip).toHaveAttribute("aria-pressed", "false");
    }
    await attachScreenshot(page, "inbox", testInfo);
  });

  test("a row shows its unread count as a badge named 'N unread', and closed chats are marked", async ({ page }) => {
    const [closed, unread] = await Promise.all([
      ownChat(page.request, "tgbridge", {
        title: uniqueName("Closed chat"),
        closed: true,
        messages: [{ text: "Спасибо, вопрос решён" }],
      }),
      customerChat(page.request, "smartsender", "Unread chat", "Hello, anyone there?", "My order is late"),
    ]);
    await page.goto(`/?status=closed&q=${encodeURIComponent(closed.title)}`);
    const closedRow = chatList(page).getByRole("link").first();
    await expect(closedRow).toHaveAccessibleName(startsWith(closed.title));
    await expect(closedRow).toContainText("Closed");
    await expect(closedRow.locator("span.italic")).toBeVisible();

    expect(unread.unreadCount).toBeGreaterThan(0);
    await page.goto(`/?unread=1&q=${encodeURIComponent(unread.title)}`);
    const unreadRow = chatList(page).getByRole("link").first();
    await expect(unreadRow).toHaveAccessibleName(startsWith(unread.title));
    await expect(unreadRow.getByRole("img", { name: `${unread.unreadCount} unread` })).toBeVisible();
  });

  test("is virtualized and pages by cursor: a few rows exist at a time, and scrolling reaches the last chat", async ({
    page,
  }) => {
    await page.goto("/");
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const pageOfChats: ChatListPage = await apiJson<ChatListPage>(
        page.request,
        `/api/chats?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      );
      all.push(...pageOfChats.items.map((chat) => chat.title));
      cursor = pageOfChats.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThan(100);
    await page.reload();
    const list = chatList(page);
    await expect(list.getByRole("link").first()).toBeVisible();
    expect(await list.getByRole("listitem").count()).toBeLessThan(40);

    const scroller = list.locator("xpath=..");
    const last = all.at(-1) ?? "";
    await expect(async () => {
      await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await expect(list.getByRole("link", { name: startsWith(last) }).last()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    expect(await list.getByRole("listitem").count()).toBeLessThan(40);
  });
});
