import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { attachScreenshot, chatList, messageLog, newestMessages, openChat } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

const MAX_ATTACHMENTS = ["image", "video", "audio", "file", "sticker", "contact", "share", "location"] as const;

/** Serious and critical violations (WCAG 2.1 A/AA and axe's best practices), in a readable form. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

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
