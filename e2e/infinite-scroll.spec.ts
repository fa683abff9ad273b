import type { Locator, Page } from "@playwright/test";
import type { MessageView } from "@/lib/messages/list-messages";
import type { ThreadPage } from "@/lib/messages/read-thread";
import { apiJson, messageLog, newestMessages, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { injectMessage } from "./support/sandbox";
import { expect, test } from "./support/test";

async function isInViewport(locator: Locator): Promise<boolean> {
  return expect(locator)
    .toBeInViewport({ timeout: 100 })
    .then(() => true)
    .catch(() => false);
}

/** Every cached message of a chat, oldest first, page by page as the API serves them. */
async function wholeHistory(page: Page, chatId: number): Promise<MessageView[]> {
  const pages: MessageView[][] = [];
  let before: string | null = null;
  do {
    const query: string = before ? `&before=${before}` : "";
    const thread: ThreadPage = await apiJson<ThreadPage>(
      page.request,
      `/api/chats/${chatId}/messages?limit=200${query}`,
    );
    pages.unshift(thread.items);
    before = thread.nextCursor;
  } while (before);
  return pages.flat();
}

const renderedMessages = (page: Page) => messageLog(page).locator("[data-message-id]");

/** The id and screen position of the first message in view. */
async function firstVisible(page: Page): Promise<{ id: string; top: number }> {
  return messageLog(page).evaluate((log) => {
    const box = log.getBoundingClientRect();
    const rows = [...log.querySelectorAll<HTMLElement>("[data-message-id]")];
    const row = rows.find((element) => element.getBoundingClientRect().bottom > box.top + 60);
    return { id: row?.dataset.messageId ?? "", top: row ? row.getBoundingClientRect().top : 0 };
  });
}

test.describe("thread scrolling", () => {
  test("scrolling up loads older pages and keeps the message in view where it was; the DOM stays small", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // A long chat of this test's own: three hundred messages of history.
    const chat = await ownChat(page.request, "max", {
      title: uniqueName("Long group"),
      group: true,
      members: ["Ann Lee", "Богдан Шевченко", "Олена Коваленко"],
      history: 300,
      messages: [{ author: "Ann Lee", text: "И последний вопрос на сегодня" }],
    });
    let history: MessageView[] = [];
    await expect
      .poll(
        async () => {
          history = await wholeHistory(page, chat.id);
          return history.length;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(300);
    const longest = { count: history.length, oldestId: history[0]?.id ?? 0 };
    expect(longest.count).toBeGreaterThan(150);
    await openChat(page, chat);
    const log = messageLog(page);
    await expect(renderedMessages(page).first()).toBeVisible();
    // Opens at the newest message.
    const newest = (await newestMessages(page.request, chat.id)).items.at(-1);
    await expect(log.locator(`[data-message-id="${newest?.id}"]`)).toBeInViewport();

    // One page older: the message at the top stays where it is while older ones appear above it.
    await log.evaluate((element) => element.scrollTo({ top: 0 }));
    const anchor = await firstVisible(page);
    await expect.poll(() => log.evaluate((element) => element.scrollTop), { timeout: 20_000 }).toBeGreaterThan(300);
    // Rows of the new page are measured a frame or two after they mount (their sizes were
    // estimates until then); on a loaded machine the check may land between the two.
    const anchorOffset = async () =>
      Math.abs(((await log.locator(`[data-message-id="${anchor.id}"]`).boundingBox())?.y ?? 0) - anchor.top);
    await expect.poll(anchorOffset, { timeout: 2_000 }).toBeLessThan(80);

    // And so on up to the first message, with never more than ~150 message nodes in the DOM.
    const oldest = log.locator(`[data-message-id="${longest.oldestId}"]`);
    for (let round = 0; round < 60 && !(await isInViewport(oldest)); round += 1) {
      expect(await renderedMessages(page).count()).toBeLessThanOrEqual(150);
      await log.evaluate((element) => element.scrollTo({ top: 0 }));
      await expect(log).toHaveAttribute("aria-busy", "false");
      await page.waitForTimeout(200);
    }
    await expect(oldest).toBeInViewport();
    await expect(page.getByText("This is the beginning of the conversation.")).toBeInViewport();
    expect(await renderedMessages(page).count()).toBeLessThanOrEqual(150);
  });

  test("stays at the bottom as messages arrive, unless the agent scrolled up: then a “New messages” button", async ({
    page,
  }) => {
    // A short group chat of this test's own.
    const chat = await ownChat(page.request, "max", {
      title: uniqueName("Short group"),
      group: true,
      members: ["Ann Lee", "Тарас Мельник"],
      messages: [
        { author: "Ann Lee", text: "Добрый день" },
        { from: "agent", text: "Здравствуйте!" },
      ],
    });
    const { externalId } = chat;
    // Enough messages that the thread scrolls.
    for (let index = 0; index < 15; index += 1) {
      await injectMessage("max", { chatExternalId: externalId, text: `Earlier message #${index}` });
    }
    await openChat(page, chat);
    const log = messageLog(page);
    await expect(log.getByText("Earlier message #14", { exact: true })).toBeInViewport({ timeout: 15_000 });

    await injectMessage("max", { chatExternalId: externalId, text: "First live message" });
    await expect(log.getByText("First live message")).toBeInViewport({ timeout: 15_000 });
    await expect(page.getByRole("button", { name: /^New messages/ })).toHaveCount(0);

    await log.evaluate((element) => element.scrollTo({ top: 0 }));
    await injectMessage("max", { chatExternalId: externalId, text: "Second live message" });
    const pill = page.getByRole("button", { name: /^New messages \(\d+\)/ });
    await expect(pill).toBeVisible({ timeout: 15_000 });
    await expect(log.getByText("Second live message")).not.toBeInViewport();
    await pill.click();
    await expect(log.getByText("Second live message")).toBeInViewport();
    await expect(pill).toHaveCount(0);
  });
});
