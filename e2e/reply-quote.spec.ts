import { randomUUID } from "node:crypto";
import { apiJson, messageLog, messageWithText, newestMessages, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { injectMessage } from "./support/sandbox";
import { expect, test } from "./support/test";

test("a reply's quote shows the original's author and text; clicking it loads older pages, scrolls to and highlights it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A short group chat of this test's own.
  const chat = await ownChat(page.request, "max", {
    title: uniqueName("Quoting group"),
    group: true,
    members: ["Ann Lee", "Богдан Шевченко"],
    messages: [
      { author: "Богдан Шевченко", text: "Подскажите, когда приедет заказ 48213?" },
      { author: "Ann Lee", text: "И у меня тот же вопрос" },
    ],
  });
  const { externalId } = chat;
  const original = (await newestMessages(page.request, chat.id)).items.find(
    (message) => message.externalId === chat.seeded.messageExternalIds[0],
  );
  if (!original?.text) throw new Error("No message to quote");

  // Enough newer messages that the original is no longer on the newest page.
  const stamp = Date.now();
  for (let index = 0; index < 55; index += 1) {
    await injectMessage("max", { chatExternalId: externalId, text: `Filler ${stamp} #${index}` });
  }
  await expect
    .poll(
      async () => (await newestMessages(page.request, chat.id)).items.some((m) => m.text === `Filler ${stamp} #54`),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  const replyText = `Answering the first question ${stamp}`;
  const sent = await page.request.post(`/api/chats/${chat.id}/messages`, {
    headers: { origin: process.env.E2E_BASE_URL ?? "" },
    data: { text: replyText, replyToMessageId: original.id, clientId: randomUUID() },
  });
  expect(sent.status()).toBe(200);
  expect((await newestMessages(page.request, chat.id)).items.some((m) => m.id === original.id)).toBe(false);

  await openChat(page, chat);
  const reply = messageWithText(page, replyText);
  await expect(reply).toBeVisible();
  const quote = reply.getByRole("button", {
    name: new RegExp(original.text.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  });
  await expect(quote).toContainText(original.authorName ?? "");
  await quote.click();

  const target = messageLog(page).locator(`[data-message-id="${original.id}"]`);
  await expect(target).toBeInViewport({ timeout: 20_000 });
  await expect(target).toBeFocused();
  await expect(target.locator(".ring-4")).toBeVisible();
  await expect(target.locator(".ring-4")).toHaveCount(0, { timeout: 10_000 });
  const log = await apiJson<{ items: unknown[] }>(page.request, `/api/chats/${chat.id}/messages?limit=1`);
  expect(log.items.length).toBe(1);
});
