import type { ChatListPage } from "@/lib/chats/list-chats";
import { apiJson, chatRow, connectionOf, messageLog, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

test.describe("keyboard shortcuts", () => {
  test("j / k open the next and previous chat of the list; / jumps to the search; ? lists the shortcuts", async ({
    page,
  }) => {
    // Chats of this test's own, the only ones its search finds.
    const name = uniqueName("Keyboard group");
    for (const words of ["one", "two", "three"]) {
      await ownChat(page.request, "chatops", { title: `${name} ${words}`, members: ["Ann Lee"] });
    }
    const connection = await connectionOf(page.request, "chatops");
    const query = `connection=${connection.id}&q=${encodeURIComponent(name)}`;
    const { items } = await apiJson<ChatListPage>(page.request, `/api/chats?${query}&limit=3`);
    const [first, second] = items;
    if (!first || !second) throw new Error("Too few chats");
    await page.goto(`/?${query}`);
    await expect(chatRow(page, first.title)).toBeVisible();
    // The list is on screen before the page is hydrated and hears keys: ? shows when it does.
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(help).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();

    await page.keyboard.press("j");
    await expect(page).toHaveURL(new RegExp(`/chats/${first.id}\\?.*connection=${connection.id}`));
    await expect(chatRow(page, first.title)).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("j");
    await expect(page).toHaveURL(new RegExp(`/chats/${second.id}\\?`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(second.title);
    await page.keyboard.press("k");
    await expect(page).toHaveURL(new RegExp(`/chats/${first.id}\\?`));

    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: "Search chats" });
    await expect(search).toBeFocused();
    await page.keyboard.press("End");
    await page.keyboard.type("jk");
    await expect(search).toHaveValue(`${name}jk`);
    await expect(page).toHaveURL(new RegExp(`/chats/${first.id}\\?`));
    await search.fill("");
    await search.blur();

    await page.keyboard.press("?");
    await expect(help).toBeVisible();
    await expect(help).toContainText("Next chat");
    await expect(help).toContainText("Reply to the last message");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
  });

  test("r replies to the last message, Esc cancels, u marks the open chat unread", async ({ page }) => {
    const chat = await ownChat(page.request, "tgbridge", {
      title: uniqueName("Keyboard customer"),
      messages: [{ text: "Здравствуйте" }, { from: "agent", text: "Добрый день!" }, { text: "Где мой заказ?" }],
    });
    await openChat(page, chat);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    await messageLog(page).click({ position: { x: 5, y: 5 } });

    await page.keyboard.press("r");
    const box = page.getByRole("textbox", { name: "Message" });
    await expect(box).toBeFocused();
    // The customer wrote last.
    await expect(page.getByText(`Replying to ${chat.title}`)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByText(/^Replying to/)).toBeHidden();
    await box.blur();

    await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press("u");
    await expect(page.getByRole("button", { name: "Mark as read" })).toBeVisible();
    await expect(chatRow(page, chat.title).getByRole("img", { name: "1 unread" })).toBeVisible();
  });
});
