import { messageLog, messageWithText, newestMessages, openChat } from "./support/inbox";
import { customerChat, ownChat, uniqueName } from "./support/own-chat";
import { bodyText, sandboxCalls } from "./support/sandbox";
import { expect, test } from "./support/test";

/** The bridge's send endpoint got this text (and, for a reply, the original's id). */
async function expectBridgeSend(text: string, since: number, replyTo?: string) {
  await expect
    .poll(
      async () =>
        (await sandboxCalls("tgbridge", since)).some(
          (call) =>
            /SendChatTGMessage/i.test(call.path) &&
            call.status === 200 &&
            bodyText(call).includes(JSON.stringify(text).slice(1, -1)) &&
            (replyTo === undefined || new RegExp(`"ReplyId":\\s*"?${replyTo}"?`).test(bodyText(call))),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
}

test.describe("composer", () => {
  test("Enter sends (Shift+Enter is a new line); the message shows at once, then as sent, and the provider gets it", async ({
    page,
  }) => {
    const chat = await customerChat(page.request, "tgbridge", "Waiting customer", "Когда отправите заказ?");
    await openChat(page, chat);
    const box = page.getByRole("textbox", { name: "Message" });
    const text = `Ваш заказ передан в доставку ${Date.now()}`;
    const since = Date.now();
    await box.fill(text);
    await box.press("Shift+Enter");
    await box.pressSequentially("Трек-номер пришлём в SMS.");
    await expect(box).toHaveValue(`${text}\nТрек-номер пришлём в SMS.`);
    await box.press("Enter");
    await expect(box).toHaveValue("");

    const bubble = messageWithText(page, text);
    await expect(bubble).toBeVisible();
    await expect(bubble).toBeInViewport();
    await expect(bubble.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
    await expectBridgeSend(`${text}\nТрек-номер пришлём в SMS.`, since);
    await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  });

  test("“Reply” sets the reply target above the composer, Esc cancels it, and the reply reaches the provider", async ({
    page,
  }) => {
    const chat = await ownChat(page.request, "tgbridge", {
      title: uniqueName("Asking customer"),
      messages: [{ text: "Здравствуйте" }, { from: "agent", text: "Добрый день!" }, { text: "Где мой заказ 48213?" }],
    });
    const original = (await newestMessages(page.request, chat.id)).items.findLast(
      (message) => message.direction === "inbound" && message.text && !message.deletedAt,
    );
    if (!original?.text) throw new Error("No inbound message to answer");
    await openChat(page, chat);

    const target = messageLog(page).locator(`[data-message-id="${original.id}"]`);
    await target.hover();
    await target.getByRole("button", { name: "Reply", exact: true }).click();
    const box = page.getByRole("textbox", { name: "Message" });
    await expect(box).toBeFocused();
    await expect(page.getByText(`Replying to ${original.authorName}`)).toBeVisible();
    await box.press("Escape");
    await expect(page.getByText(`Replying to ${original.authorName}`)).toBeHidden();

    await target.hover();
    await target.getByRole("button", { name: "Reply", exact: true }).click();
    const text = `Уже проверяем, ответим в течение часа ${Date.now()}`;
    const since = Date.now();
    await box.fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(page.getByText(`Replying to ${original.authorName}`)).toBeHidden();

    const reply = messageWithText(page, text);
    await expect(
      reply.getByRole("button", {
        name: new RegExp(original.text.slice(0, 15).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
      }),
    ).toBeVisible();
    await expect(reply.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
    await expectBridgeSend(text, since, original.externalId);
  });
});
