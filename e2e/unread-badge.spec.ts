import type { Page } from "@playwright/test";
import type { UnreadCounts } from "@/lib/chats/unread-counts";
import { apiJson, chatList } from "./support/inbox";
import { customerChat } from "./support/own-chat";
import { injectMessage } from "./support/sandbox";
import { expect, test } from "./support/test";

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** The tab title shows the total unread count; other specs change it too, so compare at one moment. */
async function expectTitleMatchesCounts(page: Page) {
  await expect
    .poll(
      async () => {
        const { total } = await apiJson<UnreadCounts>(page.request, "/api/counts");
        const title = await page.title();
        return title === (total > 0 ? `(${total}) Inbox` : "Inbox") ? "matches" : `${title} vs ${total}`;
      },
      { timeout: 20_000 },
    )
    .toBe("matches");
}

test("a customer's new message raises the chat's unread badge and the total in the tab title, live", async ({
  page,
}) => {
  const chat = await customerChat(page.request, "tgbridge", "Writing customer", "Добрый день");
  const { externalId, unreadCount } = chat;
  await page.goto("/");
  await expect(page).toHaveTitle(/^(\(\d+\) )?Inbox$/);
  await expectTitleMatchesCounts(page);

  await injectMessage("tgbridge", { chatExternalId: externalId, text: "Здравствуйте, есть новости по заказу?" });
  const row = chatList(page)
    .getByRole("link", { name: startsWith(chat.title) })
    .first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByRole("img", { name: `${unreadCount + 1} unread` })).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText("есть новости по заказу");
  await expectTitleMatchesCounts(page);
});
