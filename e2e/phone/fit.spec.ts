import type { Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { attachScreenshot, chatList, messageLog } from "../support/inbox";
import { expect, test } from "../support/test";
import {
  backToChats,
  chatActions,
  openInboxOnPhone,
  PHONE,
  pageScrollWidth,
  richChat,
  type TargetSize,
  targetSizes,
} from "./phone";

test.use(PHONE);

const appMenu = (page: Page) => page.getByRole("button", { name: "Menu" });

test.describe("fits a phone", () => {
  test("nothing overflows sideways at 360 px: the list, a chat and the settings", async ({ page }, testInfo) => {
    const chat = await richChat(page.request);
    await page.setViewportSize({ width: 360, height: 780 });
    await openInboxOnPhone(page);
    const widths: Record<string, number> = { list: await pageScrollWidth(page) };

    await page.goto(`/chats/${chat.id}`);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    widths.thread = await pageScrollWidth(page);
    await chatActions(page).tap();
    await expect(page.getByRole("menu")).toBeVisible();
    widths.threadMenu = await pageScrollWidth(page);
    await page.keyboard.press("Escape");

    await backToChats(page).tap();
    await appMenu(page).tap();
    await page.getByRole("menuitem", { name: "Settings" }).tap();
    await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
    widths.settings = await pageScrollWidth(page);

    testInfo.annotations.push({ type: "scrollWidth at 360 px", description: JSON.stringify(widths) });
    expect(widths).toEqual({ list: 360, thread: 360, threadMenu: 360, settings: 360 });
  });

  test("touch targets of the list rows, headers, menus and composer are at least 44 × 44 px", async ({
    page,
  }, testInfo) => {
    const chat = await richChat(page.request);
    await openInboxOnPhone(page);
    const list = chatList(page);
    const targets: TargetSize[] = [];
    targets.push(...(await targetSizes(list.getByRole("link"))));
    targets.push(...(await targetSizes(page.getByRole("complementary").getByRole("button"))));
    targets.push(...(await targetSizes(page.getByRole("searchbox", { name: "Search chats" }))));
    targets.push(...(await targetSizes(page.getByRole("combobox", { name: "Status" }))));
    await page.getByRole("button", { name: "Unread only" }).tap();
    await expect(page.getByRole("button", { name: "Clear filters" })).toBeVisible();
    targets.push(...(await targetSizes(page.getByRole("button", { name: "Clear filters" }))));
    await page.getByRole("button", { name: "Clear filters" }).tap();
    targets.push(...(await targetSizes(appMenu(page))));
    await appMenu(page).tap();
    targets.push(...(await targetSizes(page.getByRole("menuitem"))));
    await page.keyboard.press("Escape");

    await page.goto(`/chats/${chat.id}`);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    targets.push(...(await targetSizes(backToChats(page))));
    targets.push(...(await targetSizes(chatActions(page))));
    await chatActions(page).tap();
    targets.push(...(await targetSizes(page.getByRole("menuitem"))));
    await page.keyboard.press("Escape");
    targets.push(...(await targetSizes(page.getByRole("textbox", { name: "Message" }))));
    targets.push(...(await targetSizes(page.getByRole("button", { name: "Send", exact: true }))));
    // In the thread: "Reply", quotes, reactions, attachment links.
    targets.push(...(await targetSizes(messageLog(page).locator("button, a"))));

    expect(targets.length).toBeGreaterThan(20);
    const smallest = targets.reduce((min, target) =>
      Math.min(target.width, target.height) < Math.min(min.width, min.height) ? target : min,
    );
    testInfo.annotations.push({
      type: "smallest touch target",
      description: `${smallest.name}: ${smallest.width} × ${smallest.height} px of ${targets.length} measured`,
    });
    expect(targets.filter((target) => target.width < 44 || target.height < 44)).toEqual([]);
  });

  test("no serious or critical accessibility violations at phone size (axe) on the list, its menu and the settings; screenshot", async ({
    page,
  }, testInfo) => {
    await openInboxOnPhone(page);
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
    await attachScreenshot(page, "phone-inbox", testInfo);
    await appMenu(page).tap();
    await expect(page.getByRole("menu")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("menuitem", { name: "Settings" }).tap();
    await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("no serious or critical accessibility violations at phone size (axe) on a chat and its menu; screenshot", async ({
    page,
  }, testInfo) => {
    const chat = await richChat(page.request);
    await page.goto(`/chats/${chat.id}`);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
    await attachScreenshot(page, "phone-thread", testInfo);
    await chatActions(page).tap();
    await expect(page.getByRole("menu")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
