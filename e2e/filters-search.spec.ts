import { expect, test } from "@playwright/test";
import type { ChatListPage } from "@/lib/chats/list-chats";
import { signIn } from "./support/auth";
import { apiJson, chatDetail, chatList, chatsOf, connectionOf, pickChat, shortChats } from "./support/inbox";
import { injectMessage } from "./support/sandbox";

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

test.describe("filters and search", () => {
  test("provider, unread and status filters live in the URL and survive a reload", async ({ page }) => {
    await signIn(page);
    const smartsender = await connectionOf(page.request, "smartsender");
    await chatsOf(page.request, "smartsender");
    await page.goto("/");
    const list = chatList(page);

    await page.getByRole("button", { name: startsWith(smartsender.displayName) }).click();
    await page.getByRole("button", { name: "Unread only" }).click();
    await page.getByLabel("Status").selectOption("open");
    await expect(page).toHaveURL(new RegExp(`connection=${smartsender.id}.*unread=1.*status=open`));

    const expected = await apiJson<ChatListPage>(
      page.request,
      `/api/chats?connection=${smartsender.id}&unread=1&status=open&limit=3`,
    );
    const [first] = expected.items;
    if (!first) throw new Error("No open unread SmartSender chat");
    await expect(list.getByRole("link").first()).toHaveAccessibleName(startsWith(first.title));
    const rows = list.getByRole("link");
    for (let index = 0; index < Math.min(3, await rows.count()); index += 1) {
      await expect(rows.nth(index).getByRole("img", { name: /unread$/ })).toBeVisible();
      await expect(rows.nth(index)).not.toContainText("Closed");
    }

    await page.reload();
    await expect(page.getByRole("button", { name: startsWith(smartsender.displayName) })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("button", { name: "Unread only" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("Status")).toHaveValue("open");
    await expect(list.getByRole("link").first()).toHaveAccessibleName(startsWith(first.title));

    await page.getByLabel("Status").selectOption("closed");
    await expect(page).toHaveURL(/status=closed/);
    const closed = await apiJson<ChatListPage>(
      page.request,
      `/api/chats?connection=${smartsender.id}&unread=1&status=closed&limit=1`,
    );
    if (closed.items.length === 0) await expect(page.getByText("No chats match")).toBeVisible();
    else await expect(list.getByRole("link").first()).toContainText("Closed");

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("“Search chats” finds titles and phones by substring", async ({ page }) => {
    await signIn(page);
    const withPhone = await pickChat(page.request, "tgbridge", 5, (chat) => chat.phone !== null);
    const titled = await pickChat(page.request, "smartsender", 5, (chat) => chat.title.length >= 6);
    await page.goto("/");
    const search = page.getByRole("searchbox", { name: "Search chats" });

    const part = titled.title.slice(1, 5).toLowerCase();
    await search.fill(part);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(part).replace(/%20/g, "\\+")}`));
    await expect(
      chatList(page)
        .getByRole("link", { name: startsWith(titled.title) })
        .first(),
    ).toBeVisible();

    const digits = (withPhone.phone ?? "").replace(/\D/g, "").slice(-7);
    const spaced = `${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
    await search.fill(spaced);
    await expect(
      chatList(page)
        .getByRole("link", { name: startsWith(withPhone.title) })
        .first(),
    ).toBeVisible();

    await page.reload();
    await expect(search).toHaveValue(spaced);
    await expect(
      chatList(page)
        .getByRole("link", { name: startsWith(withPhone.title) })
        .first(),
    ).toBeVisible();
  });

  test("“Search chats” finds message text in Russian and English, whatever the word form", async ({ page }) => {
    await signIn(page);
    const chat = await pickChat(page.request, "max", 6, shortChats(page.request));
    const { externalId } = await chatDetail(page.request, chat.id);
    // Letters only: a word with digits is not stemmed.
    const token = `zq${Date.now()
      .toString(36)
      .replace(/\d/g, (digit) => "abcdefghij"[Number(digit)] ?? "")}`;
    await injectMessage("max", {
      chatExternalId: externalId,
      text: `Посылка застряла на складах Жмыхово, ${token}warehouses are slow`,
    });
    await page.goto("/");
    const search = page.getByRole("searchbox", { name: "Search chats" });

    await search.fill(`складе жмыхово ${token}warehouse`);
    await expect(chatList(page).getByRole("link")).toHaveCount(1, { timeout: 20_000 });
    await expect(chatList(page).getByRole("link").first()).toHaveAccessibleName(startsWith(chat.title));

    await search.fill(`${token}nothing`);
    await expect(page.getByText("No chats match")).toBeVisible();
  });
});
