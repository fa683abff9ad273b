import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { attachScreenshot, chatList, messageLog, newestMessages, openChat, pickChat } from "./support/inbox";

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
  await signIn(page);
  await page.goto("/");
  await expect(chatList(page).getByRole("link").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A thread with quotes and every kind of attachment.
  const chat = await pickChat(
    page.request,
    "max",
    0,
    async (candidate) => (await newestMessages(page.request, candidate.id)).nextCursor !== null,
  );
  await openChat(page, chat);
  await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(await seriousViolations(page)).toEqual([]);
  await attachScreenshot(page, "thread", testInfo);

  await page.getByRole("button", { name: "Settings" }).click();
  await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
