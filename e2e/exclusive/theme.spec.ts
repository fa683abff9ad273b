import type { Browser, Page } from "@playwright/test";
import { openInboxOnPhone, PHONE, richChat } from "../phone/phone";
import { submitSignIn } from "../support/auth";
import { seriousViolations } from "../support/axe";
import { attachScreenshot, chatList, messageLog } from "../support/inbox";
import { expect, test } from "../support/test";

/** Saves the demo user's theme as the settings dialog does (a change needs the inbox's origin). */
const saveTheme = (page: Page, theme: "system" | "light" | "dark") =>
  page.request.patch("/api/me", { headers: { origin: process.env.E2E_BASE_URL ?? "" }, data: { theme } });

/** "dark" or "light": the page's background compared with the palette's own colours (slate-950, white). */
const painted = (page: Page) =>
  page.evaluate(() => {
    const computed = (color: string) => {
      const probe = document.createElement("div");
      probe.style.backgroundColor = color;
      document.body.append(probe);
      const value = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return value;
    };
    const background = getComputedStyle(document.body).backgroundColor;
    if (background === computed("var(--color-slate-950)")) return "dark";
    if (background === computed("var(--color-white)")) return "light";
    return background;
  });

/** The page's HTML as the server sends it, before any script runs: the theme must already be in it. */
async function servedTheme(page: Page): Promise<string | undefined> {
  const html = await (await page.request.get("/")).text();
  return /<html[^>]*\bdata-theme="(\w+)"/.exec(html)?.[1];
}

/** Leaves the demo user on "system" for the specs after this one, whatever happened. */
test.afterEach(async ({ page }) => {
  await saveTheme(page, "system");
});

test("the theme choice applies at once, is served with the page (no flash) and follows the agent to another browser", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect(chatList(page)).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await painted(page)).toBe("light");
  // "System" follows the device.
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await painted(page)).toBe("dark");
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await expect(dialog.getByRole("radio", { name: "System" })).toBeChecked();
  await dialog.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await painted(page)).toBe("dark");
  await expect.poll(() => servedTheme(page)).toBe("dark");
  await page.keyboard.press("Escape");

  // After a reload the first paint is dark although the device prefers light.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await painted(page)).toBe("dark");
  await page.getByRole("button", { name: "Settings" }).click();
  await expect(dialog.getByRole("radio", { name: "Dark" })).toBeChecked();

  await expectThemeElsewhere(browser, "dark");

  // Light wins over a device that prefers dark, here and elsewhere.
  await page.emulateMedia({ colorScheme: "dark" });
  await dialog.getByRole("radio", { name: "Light" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await painted(page)).toBe("light");
  await expect.poll(() => servedTheme(page)).toBe("light");
  await expectThemeElsewhere(browser, "light");

  // Back to the system's choice.
  await dialog.getByRole("radio", { name: "System" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await painted(page)).toBe("dark");
  await expect.poll(() => servedTheme(page)).toBe("system");
});

/** A second browser (its device preferring the opposite) signs in as the same agent and gets the theme from the first paint. */
async function expectThemeElsewhere(browser: Browser, theme: "light" | "dark") {
  const elsewhere = await browser.newContext({
    colorScheme: theme === "dark" ? "light" : "dark",
    storageState: { cookies: [], origins: [] },
  });
  try {
    const other = await elsewhere.newPage();
    await submitSignIn(other);
    await expect(chatList(other)).toBeVisible();
    await expect(other.locator("html")).toHaveAttribute("data-theme", theme);
    expect(await painted(other)).toBe(theme);
    expect(await servedTheme(other)).toBe(theme);
  } finally {
    await elsewhere.close();
  }
}

for (const theme of ["light", "dark"] as const) {
  test(`the ${theme} theme passes axe (contrast included) on the inbox, a chat and the settings, on a desktop and a phone`, async ({
    page,
    browser,
    storageState,
  }, testInfo) => {
    test.setTimeout(150_000);
    const saved = await saveTheme(page, theme);
    expect(saved.status()).toBe(200);
    const chat = await richChat(page.request);

    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await expect(chatList(page).getByRole("link").first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/chats/${chat.id}`);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
    await attachScreenshot(page, `inbox-${theme}`, testInfo);
    await page.getByRole("button", { name: "Settings" }).click();
    await expect(page.getByRole("dialog", { name: "Settings" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await browser.newContext({ ...PHONE, storageState });
    try {
      const onPhone = await phone.newPage();
      await openInboxOnPhone(onPhone);
      await onPhone.waitForTimeout(500);
      expect(await seriousViolations(onPhone)).toEqual([]);
      await onPhone.goto(`/chats/${chat.id}`);
      await expect(messageLog(onPhone).locator("[data-message-id]").first()).toBeVisible();
      await onPhone.getByRole("button", { name: "Chat actions" }).tap();
      await expect(onPhone.getByRole("menu")).toBeVisible();
      expect(await seriousViolations(onPhone)).toEqual([]);
      await attachScreenshot(onPhone, `phone-thread-${theme}`, testInfo);
    } finally {
      await phone.close();
    }
  });
}
