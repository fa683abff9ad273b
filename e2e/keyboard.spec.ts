import { expect, test } from "@playwright/test";
import type { ChatListPage } from "@/lib/chats/list-chats";
import { signIn } from "./support/auth";
import { apiJson, chatRow, connectionOf, messageLog, newestMessages, openChat, pickChat } from "./support/inbox";

test.describe("keyboard shortcuts", () => {
  test("j / k open the next and previous chat of the list; / jumps to the search; ? lists the shortcuts", async ({
    page,
  }) => {
    await signIn(page);
    // Chat operations chats: opening them here changes nothing other specs rely on.
    const connection = await connectionOf(page.request, "chatops");
    const { items } = await apiJson<ChatListPage>(page.request, `/api/chats?connection=${connection.id}&limit=3`);
    const [first, second] = items;
    if (!first || !second) throw new Error("Too few chats");
    await page.goto(`/?connection=${connection.id}`);
    await expect(chatRow(page, first.title)).toBeVisible();

    await page.keyboard.press("j");
    await expect(page).toHaveURL(new RegExp(`/chats/${first.id}\\?connection=${connection.id}$`));
    await expect(chatRow(page, first.title)).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("j");
    await expect(page).toHaveURL(new RegExp(`/chats/${second.id}\\?`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(second.title);
    await page.keyboard.press("k");
    await expect(page).toHaveURL(new RegExp(`/chats/${first.id}\\?`));

    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: "Search chats" });
    await expect(search).toBeFocused();
    await page.keyboard.type("jk");
    await expect(search).toHaveValue("jk");
    await expect(page).toHaveURL(new RegExp(`/chats/${first.id}\\?`));
    await search.fill("");
    await search.blur();

    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("Next chat");
    await expect(help).toContainText("Reply to the last message");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
  });

  test("r replies to the last message, Esc cancels, u marks the open chat unread", async ({ page }) => {
    await signIn(page);
    const chat = await pickChat(page.request, "tgbridge", 3, (candidate) => candidate.status === "open");
    const last = (await newestMessages(page.request, chat.id)).items.findLast(
      (message) => message.direction !== "system" && !message.deletedAt,
    );
    await openChat(page, chat);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    await messageLog(page).click({ position: { x: 5, y: 5 } });

    await page.keyboard.press("r");
    const box = page.getByRole("textbox", { name: "Message" });
    await expect(box).toBeFocused();
    await expect(page.getByText(`Replying to ${last?.authorName ?? "Unknown"}`)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByText(/^Replying to/)).toBeHidden();
    await box.blur();

    await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press("u");
    await expect(page.getByRole("button", { name: "Mark as read" })).toBeVisible();
    await expect(chatRow(page, chat.title).getByRole("img", { name: "1 unread" })).toBeVisible();
  });
});
