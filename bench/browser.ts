import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";

export type BrowserFigures = {
  inboxOpenMs: number;
  threadOpenMs: number;
  inboxDomNodes: number;
  threadDomNodes: number;
  messageNodes: number;
  messageNodesAfterScroll: number;
};

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName("*").length);
const messageNodes = (page: Page) => page.evaluate(() => document.querySelectorAll("[data-message-id]").length);

/**
 * A real Chromium against the production server: how long the inbox takes to show its first
 * chats, how long the 100,000-message chat takes to show its newest messages, and how many
 * DOM nodes each costs (the thread is virtualized: only visible messages exist as nodes).
 */
export async function measureBrowser(options: {
  url: string;
  email: string;
  password: string;
  bigChatId: number;
}): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: "en-US" });
    await page.goto(`${options.url}/login`);
    await page.getByLabel("Email").fill(options.email);
    await page.getByLabel("Password").fill(options.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    // Opening a chat would mark it read and reorder nothing, but keep the data as seeded.
    await page.request.patch(`${options.url}/api/me`, { data: { autoMarkRead: false } });

    const chatList = page.getByRole("list", { name: "Chats" });
    const inboxTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = Date.now();
      await page.goto(`${options.url}/`);
      await chatList.getByRole("link").first().waitFor();
      inboxTimes.push(Date.now() - started);
    }
    const inboxDomNodes = await domNodes(page);

    const threadTimes: number[] = [];
    const log = page.getByRole("log", { name: "Messages" });
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto(`${options.url}/`);
      const link = chatList.locator(`a[href="/chats/${options.bigChatId}"]`);
      await link.waitFor();
      const started = Date.now();
      await link.click();
      await log.locator("[data-message-id]").last().waitFor();
      threadTimes.push(Date.now() - started);
    }
    const threadDomNodes = await domNodes(page);
    const visibleMessages = await messageNodes(page);
    // Scroll up through several older pages: the node count must stay bounded.
    for (let step = 0; step < 12; step += 1) {
      await log.evaluate((element) => element.scrollBy(0, -4000));
      await page.waitForTimeout(250);
    }
    const afterScroll = await messageNodes(page);
    return {
      inboxOpenMs: median(inboxTimes),
      threadOpenMs: median(threadTimes),
      inboxDomNodes,
      threadDomNodes,
      messageNodes: visibleMessages,
      messageNodesAfterScroll: afterScroll,
    };
  } finally {
    await browser.close();
  }
}
