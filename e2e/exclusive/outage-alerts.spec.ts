import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import type { OutageAlert } from "@/lib/alerts/alerts.types";
import { apiJson, connectionOf } from "../support/inbox";
import { uniqueName } from "../support/own-chat";
import { setSandboxFaults } from "../support/sandbox";
import { expect, test } from "../support/test";

const origin = () => ({ origin: process.env.E2E_BASE_URL ?? "" });

/** An agent invited by the signed-in admin, signed in in a browser of their own. */
async function agentPage(admin: Page, browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const invited = await admin.request.post("/api/admin/staff", {
    headers: origin(),
    data: { name: uniqueName("Marta"), email: `marta${randomInt(1e9)}@team.test`, role: "agent" },
  });
  expect(invited.ok()).toBe(true);
  const { link } = (await invited.json()) as { link: { url: string } };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const signedUp = await page.request.post("/api/set-password", {
    headers: origin(),
    data: { token: new URL(link.url).pathname.split("/").at(-1), password: "a quiet harbour at noon 17" },
  });
  expect(signedUp.ok()).toBe(true);
  return { page, close: () => context.close() };
}

/** The page's Notification records what the inbox shows (permission granted), as in notifications.spec.ts. */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string; tag: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordedNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string; tag?: string } = {}) {
        shown.push({ title, body: options.body ?? "", tag: options.tag ?? "" });
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: RecordedNotification });
  });
}

const shownNotifications = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { shownNotifications: Array<{ title: string; body: string; tag: string }> })
        .shownNotifications,
  );

const setDesktopNotifications = async (page: Page, on: boolean) =>
  expect((await page.request.patch("/api/me", { headers: origin(), data: { notifyDesktop: on } })).ok()).toBe(true);

test("a provider refusing our token raises an outage banner for admins and a quieter notice for agents; both clear when it recovers", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const connection = await connectionOf(page.request, "tgbridge");
  const name = connection.displayName;
  const agent = await agentPage(page, browser);
  try {
    // The admin sets the connection's outage webhook; its secret is shown this once.
    await page.goto("/admin/connections");
    const card = page.getByTestId(`connection-${name}`);
    await card.getByText("Outage webhook").click();
    await card.getByLabel("Webhook URL").fill("http://127.0.0.1:9/outage-hook");
    await card.getByRole("button", { name: "Save webhook" }).click();
    await expect(card.getByTestId("alert-webhook-secret")).toHaveText(/^whsec_[\w-]{43}$/);
    const secret = await card.getByTestId("alert-webhook-secret").textContent();
    const stored = await apiJson<{ url: string; secretHint: string }>(
      page.request,
      `/api/connections/${connection.id}/webhook`,
    );
    expect(stored).toMatchObject({ url: "http://127.0.0.1:9/outage-hook", secretHint: `…${secret?.slice(-4)}` });
    expect(JSON.stringify(stored)).not.toContain(secret);

    await setDesktopNotifications(page, true);
    await recordNotifications(page);
    // Both pages listen to the live updates before the provider fails (a page hears only what happens after it connects).
    const live = (inbox: Page) => inbox.waitForResponse((response) => response.url().includes("/api/events"));
    await Promise.all([live(page), page.goto("/")]);
    await Promise.all([live(agent.page), agent.page.goto("/")]);
    const banner = page.getByRole("region", { name: "Outage alerts" });
    const noticeOf = (inbox: Page) =>
      inbox.getByRole("list", { name: "Provider problems" }).getByTestId("outage-notice").filter({ hasText: name });
    await expect(banner).toHaveCount(0);

    await setSandboxFaults("tgbridge", { forceStatus: 401 });
    try {
      // Live, without a reload: the admin's banner names the connection and says why in plain words.
      await expect(banner.getByRole("alert")).toContainText(`${name} is down since`, { timeout: 90_000 });
      await expect(banner.getByRole("alert")).toContainText("the provider refused our token");
      await expect(banner.getByRole("alert")).toContainText("401");
      const open = (await apiJson<OutageAlert[]>(page.request, "/api/alerts")).filter(
        (alert) => alert.connectionId === connection.id && alert.closedAt === null,
      );
      expect(open).toHaveLength(1);
      // One browser notification for the new alert (the admin turned them on).
      await expect
        .poll(async () => (await shownNotifications(page)).filter((shown) => shown.tag.startsWith("outage-")))
        .toEqual([
          {
            title: `${name} is down`,
            body: expect.stringContaining("the provider refused our token"),
            tag: `outage-${open[0]?.id}`,
          },
        ]);

      // The agent gets no banner, only the quieter notice in the chat list.
      await expect(noticeOf(agent.page)).toContainText(
        new RegExp(
          `${name.replace(/[()]/g, "\\$&")} is unreachable since \\d{1,2}:\\d{2}.* — new messages may be late`,
        ),
      );
      await expect(agent.page.getByRole("region", { name: "Outage alerts" })).toHaveCount(0);
    } finally {
      await setSandboxFaults("tgbridge", { forceStatus: null });
    }

    // The sync pauses after a refusal before asking again (up to a minute), then recovers.
    const recovered = banner.getByRole("status").filter({ hasText: `${name} is back after` });
    await expect(recovered).toBeVisible({ timeout: 120_000 });
    await expect(banner.getByRole("alert")).toHaveCount(0);
    await expect(noticeOf(agent.page)).toHaveCount(0, { timeout: 15_000 });
    await recovered.getByRole("button", { name: "Dismiss" }).click();
    await expect(banner).toHaveCount(0);
    // Dismissed stays dismissed in this browser.
    await page.reload();
    await expect(page.getByRole("list", { name: "Chats" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Outage alerts" })).toHaveCount(0);

    // One delivery per transition, listed on the card; a loopback address is refused outside tests.
    await page.goto("/admin/connections");
    await card.getByText("Outage webhook").click();
    const deliveries = card.getByRole("table").getByRole("row");
    await expect(deliveries.filter({ hasText: "recovered" })).toHaveCount(1);
    await expect(deliveries.filter({ hasText: "down" })).toHaveCount(1);
    await expect(deliveries.filter({ hasText: "internal address" }).first()).toBeVisible({ timeout: 15_000 });
  } finally {
    await page.request.delete(`/api/connections/${connection.id}/webhook`, { headers: origin() });
    await setDesktopNotifications(page, false);
    await agent.close();
  }
});
