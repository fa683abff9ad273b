import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { chatList } from "../support/inbox";
import { ownChat, uniqueName } from "../support/own-chat";
import { expect } from "../support/test";

/** A 390 × 844 phone with a touch screen (the size of current mid-range phones), in Chromium. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
} as const;

/** Opens the inbox (signed in already) and waits for the phone's header (there "Sign out" sits in the menu). */
export async function openInboxOnPhone(page: Page, url = "/") {
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  await expect(chatList(page).getByRole("link").first()).toBeVisible();
}

/** A MAX group of the test's own, longer than a page, with quotes and every kind of attachment MAX has. */
export async function richChat(api: APIRequestContext) {
  return ownChat(api, "max", {
    title: uniqueName("Phone group"),
    group: true,
    members: ["Ann Lee", "Богдан Шевченко", "Олена Коваленко"],
    history: 80,
    messages: [
      {
        author: "Ann Lee",
        text: "Фото и документы по заказу",
        attachments: ["image", "video", "audio", "file", "sticker", "contact", "share", "location"],
      },
      { from: "agent", text: "Спасибо, всё получили", replyTo: 0 },
    ],
  });
}

/** How wide the page is, scrolled sideways as far as it goes (more than the screen = it overflows). */
export const pageScrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

export type TargetSize = { name: string; width: number; height: number };

/** The on-screen size of each element, named by its accessible name (or text) for the report. */
export async function targetSizes(locator: Locator): Promise<TargetSize[]> {
  return locator.evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name = element.getAttribute("aria-label") ?? element.textContent ?? element.tagName;
        return { name: name.trim().slice(0, 40), width: Math.round(box.width), height: Math.round(box.height) };
      }),
  );
}

export const backToChats = (page: Page) => page.getByRole("link", { name: "Back to chats" });
export const chatActions = (page: Page) => page.getByRole("button", { name: "Chat actions" });

/** The list's scrolling box (the list's parent). */
export const listScroller = (page: Page) => chatList(page).locator("xpath=..");
