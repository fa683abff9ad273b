import type { Browser, Page } from "@playwright/test";
import { submitSignIn } from "../support/auth";
import { chatList } from "../support/inbox";
import { expect, test } from "../support/test";

test("the UI switches to Russian and back; the choice is remembered, with dates and numbers in that language", async ({
  page,
  browser,
}) => {
  // Whatever happens here, the demo user is left in English for the specs after this one.
  try {
    await switchAndBack(page, browser);
  } finally {
    await page.request.patch("/api/me", {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: { locale: "en" },
    });
  }
});

async function switchAndBack(page: Page, browser: Browser) {
  await page.goto("/");
  await expect(chatList(page).getByRole("link").first()).toBeVisible();

  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByRole("dialog", { name: "Settings" }).getByLabel("Language").selectOption("ru");
  await expect(page.getByRole("searchbox", { name: "Поиск по чатам" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("dialog", { name: "Настройки" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
  await expect(page).toHaveTitle(/Входящие$/);
  const russianList = page.getByRole("list", { name: "Чаты" });
  await expect(russianList.locator("time").first()).toHaveText(/назад|сейчас|вчера/);
  await expect(russianList.getByRole("img", { name: /непрочитанн/ }).first()).toBeVisible();

  // Remembered in this browser…
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Поиск по чатам" })).toBeVisible();
  // …and in the profile: another browser (signed out, without this test's session) gets it after signing in.
  const elsewhere = await browser.newContext({ locale: "en-US", storageState: { cookies: [], origins: [] } });
  try {
    const other = await elsewhere.newPage();
    // Not signIn(): the shell may already be in Russian by the time English could be seen.
    await submitSignIn(other);
    await expect(other.getByRole("searchbox", { name: "Поиск по чатам" })).toBeVisible({ timeout: 15_000 });
  } finally {
    await elsewhere.close();
  }

  await page.getByRole("button", { name: "Настройки" }).click();
  await page.getByRole("dialog", { name: "Настройки" }).getByLabel("Язык").selectOption("en");
  await expect(page.getByRole("searchbox", { name: "Search chats" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.keyboard.press("Escape");
  await expect(chatList(page).locator("time").first()).toHaveText(/ago|now|yesterday/);
}
