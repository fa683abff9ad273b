import { seriousViolations } from "./support/axe";
import { attachScreenshot, chatList, messageLog, newestMessages, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

const MAX_ATTACHMENTS = ["image", "video", "audio", "file", "sticker", "contact", "share", "location"] as const;

test("the inbox and a thread have no serious or critical accessibility violations (axe)", async ({
  page,
}, testInfo) => {
  // A group thread longer than a page, with quotes and every kind of attachment MAX has.
  const chat = await ownChat(page.request, "max", {
    title: uniqueName("Accessibility group"),
    group: true,
    members: ["Ann Lee", "Богдан Шевченко", "Олена Коваленко"],
    history: 80,
    messages: [
      { author: "Ann Lee", text: "Фото и документы по заказу", attachments: [...MAX_ATTACHMENTS] },
      { from: "agent", text: "Спасибо, всё получили", replyTo: 0 },
    ],
  });
  await expect.poll(async () => (await newestMessages(page.request, chat.id)).nextCursor).not.toBeNull();
  await page.goto("/");
  await expect(chatList(page).getByRole("link").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await openChat(page, chat);
  await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(await seriousViolations(page)).toEqual([]);
  await attachScreenshot(page, "thread", testInfo);

  await page.getByRole("button", { name: "Settings" }).click();
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
