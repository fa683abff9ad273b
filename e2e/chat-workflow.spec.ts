import type { APIRequestContext } from "@playwright/test";
import type { StaffMember } from "@/lib/assignment/staff";
import { apiJson, chatList, openChat, startsWith } from "./support/inbox";
import { customerChat } from "./support/own-chat";
import { expect, test } from "./support/test";

async function myself(api: APIRequestContext): Promise<StaffMember> {
  const staff = await apiJson<StaffMember[]>(api, "/api/staff");
  const me = staff.find((member) => member.email === (process.env.E2E_EMAIL ?? "demo@inbox.local"));
  if (!me) throw new Error("The demo agent is not in the staff list");
  return me;
}

test.describe("assignment and status from the thread header", () => {
  test("assign to me puts the chat in Mine; snoozing takes it out of the open list until it is reopened", async ({
    page,
  }) => {
    const chat = await customerChat(page.request, "smartsender", "Workflow", "Есть кто-нибудь?");
    const me = await myself(page.request);
    const myName = me.name || me.email;

    await openChat(page, chat);
    const header = page.getByRole("main");
    const workflow = header.getByTestId("chat-workflow");
    await expect(workflow).toHaveText("Unassigned · Open");

    await header.getByRole("button", { name: "Assign to me" }).click();
    await expect(workflow).toHaveText(`Assigned to ${myName} · Open`);
    await expect(header.getByRole("button", { name: "Assign to me" })).toHaveCount(0);

    // Saved on the server: the Mine view lists it with my initials.
    await page.goto(`/?view=mine&q=${encodeURIComponent(chat.title)}`);
    const row = chatList(page).getByRole("link", { name: startsWith(chat.title) });
    await expect(row).toBeVisible();
    await expect(row.getByRole("img", { name: `Assigned to ${myName}` })).toBeVisible();

    // Pending for an hour: gone from the open list, the header says until when.
    await page.goto(`/chats/${chat.id}?state=open&q=${encodeURIComponent(chat.title)}`);
    await expect(row).toBeVisible();
    await header.getByRole("button", { name: "Snooze…" }).click();
    await page.getByRole("dialog", { name: "Pending until" }).getByRole("button", { name: "In 1 hour" }).click();
    await expect(workflow).toContainText(`Assigned to ${myName} · Pending until`);
    await expect(row).toHaveCount(0);
    const saved = await apiJson<{ inboxStatus: string; snoozedUntil: string }>(page.request, `/api/chats/${chat.id}`);
    expect(saved.inboxStatus).toBe("pending");
    const snoozedFor = new Date(saved.snoozedUntil).getTime() - Date.now();
    expect(snoozedFor).toBeGreaterThan(50 * 60_000);
    expect(snoozedFor).toBeLessThanOrEqual(60 * 60_000);

    // Open again: back in the open list.
    await header.getByRole("button", { name: "Reopen" }).click();
    await expect(workflow).toHaveText(`Assigned to ${myName} · Open`);
    await expect(row).toBeVisible();
    await page.reload();
    await expect(workflow).toHaveText(`Assigned to ${myName} · Open`);
    await expect(row).toBeVisible();
  });

  test("a chat snoozed until a time of the agent's choosing comes back to the open list by itself when the time comes", async ({
    page,
  }) => {
    const chat = await customerChat(page.request, "smartsender", "Snoozed", "Напомните мне позже");
    await openChat(page, chat);
    const header = page.getByRole("main");
    const workflow = header.getByTestId("chat-workflow");
    const row = chatList(page).getByRole("link", { name: startsWith(chat.title) });
    await page.goto(`/chats/${chat.id}?state=open&q=${encodeURIComponent(chat.title)}`);
    await expect(row).toBeVisible();

    // A custom time, two hours on, from the dialog.
    await header.getByRole("button", { name: "Snooze…" }).click();
    const dialog = page.getByRole("dialog", { name: "Pending until" });
    const inTwoHours = new Date(Date.now() + 2 * 60 * 60_000);
    const local = new Date(inTwoHours.getTime() - inTwoHours.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await dialog.getByLabel("Or until").fill(local);
    await dialog.getByRole("button", { name: "Snooze", exact: true }).click();
    await expect(workflow).toContainText("Pending until");
    await expect(row).toHaveCount(0);
    const saved = await apiJson<{ snoozedUntil: string }>(page.request, `/api/chats/${chat.id}`);
    expect(Math.abs(new Date(saved.snoozedUntil).getTime() - inTwoHours.getTime())).toBeLessThan(60_000);

    // Moved to a few seconds from now (the field counts in minutes): the chat reopens by itself, live.
    const soon = await page.request.post(`/api/chats/${chat.id}/status`, {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: { status: "pending", snooze: { until: new Date(Date.now() + 4_000).toISOString() } },
    });
    expect(soon.ok()).toBe(true);
    await expect(workflow).toHaveText("Unassigned · Open", { timeout: 15_000 });
    await expect(row).toBeVisible();
  });

  test("the teammate picker searches by name or email and unassigns; the a key assigns to me", async ({ page }) => {
    const chat = await customerChat(page.request, "smartsender", "Picker", "Добрый день");
    const me = await myself(page.request);
    const myName = me.name || me.email;
    await openChat(page, chat);
    const header = page.getByRole("main");
    const workflow = header.getByTestId("chat-workflow");
    await expect(workflow).toHaveText("Unassigned · Open");
    await page.keyboard.press("a");
    await expect(workflow).toHaveText(`Assigned to ${myName} · Open`);

    await header.getByRole("button", { name: "Assign…" }).click();
    const picker = page.getByRole("dialog", { name: "Assign this chat" });
    await picker.getByRole("searchbox", { name: "Search teammates" }).fill("nobody-matches-this");
    await expect(picker.getByText("No teammate matches")).toBeVisible();
    await picker.getByRole("searchbox", { name: "Search teammates" }).fill(me.email.slice(0, 4));
    await expect(picker.getByRole("button", { name: startsWith(myName) })).toBeVisible();
    await picker.getByRole("button", { name: "Unassign" }).click();
    await expect(workflow).toHaveText("Unassigned · Open");
    await expect(header.getByRole("button", { name: "Unassign" })).toHaveCount(0);
    await page.keyboard.press("a");
    await expect(workflow).toHaveText(`Assigned to ${myName} · Open`);
  });
});
