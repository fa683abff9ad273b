import type { ChatListPage } from "@/lib/chats/list-chats";
import { apiJson, chatList, connectionOf } from "./support/inbox";
import { customerChat, ownChat, uniqueName } from "./support/own-chat";
import { injectMessage } from "./support/sandbox";
import { expect, test } from "./support/test";

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

test.describe("filters and search", () => {
  test("provider, unread and status filters live in the URL and survive a reload", async ({ page }) => {
    // This test's own chats, found by a name only they share: unread open ones, a read one, an unread closed one.
    const name = uniqueName("Filters");
    const customer = (words: string, closed = false) => ({ title: `${name} ${words}`, closed });
    await Promise.all([
      ownChat(page.request, "smartsender", { ...customer("one"), messages: [{ text: "Где мой заказ?" }] }),
      ownChat(page.request, "smartsender", { ...customer("two"), messages: [{ text: "Hello?" }, { text: "Anyone?" }] }),
      ownChat(page.request, "smartsender", {
        ...customer("three"),
        messages: [{ text: "Спасибо" }, { from: "agent", text: "Рады помочь" }],
      }),
      ownChat(page.request, "smartsender", { ...customer("four", true), messages: [{ text: "Ещё вопрос" }] }),
      ownChat(page.request, "tgbridge", { ...customer("five"), messages: [{ text: "Добрый день" }] }),
    ]);
    const smartsender = await connectionOf(page.request, "smartsender");
    await page.goto(`/?q=${encodeURIComponent(name)}`);
    const list = chatList(page);

    await page.getByRole("button", { name: startsWith(smartsender.displayName) }).click();
    await page.getByRole("button", { name: "Unread only" }).click();
    await page.getByLabel("Status").selectOption("open");
    await expect(page).toHaveURL(new RegExp(`connection=${smartsender.id}.*unread=1.*status=open`));

    const expected = await apiJson<ChatListPage>(
      page.request,
      `/api/chats?connection=${smartsender.id}&unread=1&status=open&q=${encodeURIComponent(name)}&limit=3`,
    );
    expect(expected.items.map((chat) => chat.title).sort()).toEqual([`${name} one`, `${name} two`]);
    const [first] = expected.items;
    if (!first) throw new Error("No open unread SmartSender chat");
    await expect(list.getByRole("link").first()).toHaveAccessibleName(startsWith(first.title));
    const rows = list.getByRole("link");
    await expect(rows).toHaveCount(2);
    for (let index = 0; index < 2; index += 1) {
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
    await expect(list.getByRole("link")).toHaveCount(1);
    await expect(list.getByRole("link").first()).toHaveAccessibleName(startsWith(`${name} four`));
    await expect(list.getByRole("link").first()).toContainText("Closed");

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("“Search chats” finds titles and phones by substring", async ({ page }) => {
    const [withPhone, titled] = await Promise.all([
      customerChat(page.request, "tgbridge", "Phone search", "Перезвоните мне"),
      customerChat(page.request, "smartsender", "Title search", "Hi"),
    ]);
    await page.goto("/");
    const search = page.getByRole("searchbox", { name: "Search chats" });

    // A part of the title's own letters, in other case.
    const part = titled.title.slice(-7, -2).toUpperCase();
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
    const chat = await customerChat(page.request, "max", "Message search", "Здравствуйте");
    // Letters only: a word with digits is not stemmed.
    const token = `zq${Date.now()
      .toString(36)
      .replace(/\d/g, (digit) => "abcdefghij"[Number(digit)] ?? "")}`;
    await injectMessage("max", {
      chatExternalId: chat.externalId,
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
