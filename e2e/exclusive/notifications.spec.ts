import type { Page } from "@playwright/test";
import type { StaffMember } from "@/lib/assignment/staff";
import type { ViewCounts } from "@/lib/chats/view-counts";
import { apiJson, openChat } from "../support/inbox";
import { customerChat, type OwnChat } from "../support/own-chat";
import { injectMessage } from "../support/sandbox";
import { expect, test } from "../support/test";

/**
 * Exclusive: these tests change the demo agent's notification settings and the chats assigned to
 * them, which other tests' tabs would hear.
 */

type Shown = { title: string; body: string; tag: string };
type NotificationLog = { shown: Shown[]; click: (index: number) => void; hidden: boolean };

/**
 * The page's Notification is the operating system's; here it records what the inbox shows (with
 * permission already granted) so the test can read and click it. The tab can be "hidden" too, as
 * when the agent is in another tab.
 */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body: string; tag: string; onclick: (() => void) | null }> = [];
    const log = {
      shown,
      hidden: false,
      click: (index: number) => shown[index]?.onclick?.(),
    };
    (window as unknown as { notifications: typeof log }).notifications = log;
    class RecordedNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string; tag?: string } = {}) {
        const entry = { title, body: options.body ?? "", tag: options.tag ?? "", onclick: null as (() => void) | null };
        shown.push(entry);
        Object.defineProperty(this, "onclick", { set: (handler: () => void) => (entry.onclick = handler) });
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: RecordedNotification });
    Object.defineProperty(document, "visibilityState", { get: () => (log.hidden ? "hidden" : "visible") });
  });
}

const shown = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { notifications: NotificationLog }).notifications.shown.map(({ title, body, tag }) => ({
      title,
      body,
      tag,
    })),
  );

const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((value) => {
    (window as unknown as { notifications: NotificationLog }).notifications.hidden = value;
  }, hidden);

const origin = () => ({ origin: process.env.E2E_BASE_URL ?? "" });

async function saveNotifications(page: Page, on: boolean) {
  const response = await page.request.patch("/api/me", { headers: origin(), data: { notifyDesktop: on } });
  expect(response.ok()).toBe(true);
}

/** A new message from the chat's customer, seen by the inbox. */
async function customerWrites(chat: OwnChat, text: string) {
  await injectMessage("max", { chatExternalId: chat.seeded.chatExternalId, text });
}

test.afterEach(async ({ page }) => {
  await saveNotifications(page, false);
});

test("turned on in Settings, a customer's message notifies while another chat is open or the tab is hidden, and the notification opens its chat", async ({
  page,
}) => {
  await recordNotifications(page);
  const [waiting, other] = await Promise.all([
    customerChat(page.request, "max", "Notified customer", "Здравствуйте"),
    customerChat(page.request, "max", "Other customer", "Hello"),
  ]);

  await openChat(page, other);
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  const desktop = dialog.getByLabel("Browser notifications");
  await expect(desktop).not.toBeChecked();
  await expect(dialog.getByLabel("Play a sound")).not.toBeChecked();
  await desktop.check();
  await expect(desktop).toBeChecked();
  await page.keyboard.press("Escape");

  // Another chat is open: the customer's message shows as a notification.
  await customerWrites(waiting, "Где мой заказ?");
  await expect
    .poll(() => shown(page), { timeout: 15_000 })
    .toEqual([{ title: waiting.title, body: "Где мой заказ?", tag: `chat-${waiting.id}` }]);

  // Clicking it opens that chat.
  await page.evaluate(() => (window as unknown as { notifications: NotificationLog }).notifications.click(0));
  await expect(page).toHaveURL(new RegExp(`/chats/${waiting.id}$`));
  await expect(page.getByRole("log")).toContainText("Где мой заказ?");

  // The chat is open and the agent is looking: no notification.
  await customerWrites(waiting, "Вы тут?");
  await expect(page.getByRole("log")).toContainText("Вы тут?");
  await page.waitForTimeout(1_500);
  expect(await shown(page)).toHaveLength(1);

  // Same chat, tab hidden: notified again.
  await setHidden(page, true);
  await customerWrites(waiting, "Ответьте, пожалуйста");
  await expect.poll(async () => (await shown(page)).at(-1)?.body, { timeout: 15_000 }).toBe("Ответьте, пожалуйста");

  // Turned off (and after a reload): silent.
  await saveNotifications(page, false);
  await page.reload();
  await setHidden(page, true);
  await customerWrites(waiting, "Молчание");
  await expect(page.getByRole("log")).toContainText("Молчание");
  await page.waitForTimeout(1_500);
  expect(await shown(page)).toEqual([]);
});

test("the tab's icon shows a dot while a customer waits on a chat assigned to me", async ({ page }) => {
  const chat = await customerChat(page.request, "max", "Waiting on me", "Помогите");
  const staff = await apiJson<StaffMember[]>(page.request, "/api/staff");
  const me = staff.find((member) => member.email === (process.env.E2E_EMAIL ?? "demo@inbox.local"));
  expect(me).toBeDefined();
  const counts = await apiJson<ViewCounts>(page.request, "/api/views");
  const alreadyNeeded =
    counts.mentions > 0 || Object.values(counts.byConnection).some((connection) => connection.needsReply.mine > 0);

  await page.goto("/");
  // The browser shows the last icon link of the page.
  const icon = page.locator('link[rel~="icon"]').last();
  await expect(icon).toHaveAttribute("data-attention", String(alreadyNeeded));

  const assign = (assigneeId: string | null) =>
    page.request.post(`/api/chats/${chat.id}/assign`, { headers: origin(), data: { assigneeId } });
  expect((await assign(me?.id ?? "")).ok()).toBe(true);
  try {
    await expect(icon).toHaveAttribute("data-attention", "true");
    await expect(icon).toHaveAttribute("href", /^data:image\/png/);
  } finally {
    expect((await assign(null)).ok()).toBe(true);
  }
  await expect(icon).toHaveAttribute("data-attention", String(alreadyNeeded));
});
