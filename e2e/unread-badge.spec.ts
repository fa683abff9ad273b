import { expect, type Page, test } from "@playwright/test";
import type { UnreadCounts } from "@/lib/chats/unread-counts";
import { signIn } from "./support/auth";
import { apiJson, chatDetail, chatList, pickChat } from "./support/inbox";
import { injectMessage } from "./support/sandbox";

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
  await signIn(page);
  const chat = await pickChat(page.request, "tgbridge", 7, (candidate) => candidate.status === "open");
  const { externalId, unreadCount } = await chatDetail(page.request, chat.id);
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
