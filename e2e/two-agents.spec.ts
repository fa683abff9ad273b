import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import type { StaffMember } from "@/lib/assignment/staff";
import { apiJson, chatRow, openChat } from "./support/inbox";
import { customerChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

const origin = () => ({ origin: process.env.E2E_BASE_URL ?? "" });

/** A new agent, invited by the signed-in admin, signed in in a browser of their own. */
async function secondAgent(
  admin: Page,
  browser: Browser,
): Promise<{ page: Page; member: StaffMember; close: () => Promise<void> }> {
  const name = uniqueName("Olena");
  const invited = await admin.request.post("/api/admin/staff", {
    headers: origin(),
    data: { name, email: `olena${randomInt(1e9)}@team.test`, role: "agent" },
  });
  expect(invited.ok()).toBe(true);
  const { member, link } = (await invited.json()) as { member: StaffMember; link: { url: string } };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const token = new URL(link.url).pathname.split("/").at(-1);
  const signedUp = await page.request.post("/api/set-password", {
    headers: origin(),
    data: { token, password: "a calm river at dawn 42" },
  });
  expect(signedUp.ok()).toBe(true);
  return { page, member, close: () => context.close() };
}

test("two agents on one chat: each sees the other viewing and typing, live; a reply sent while the other typed is held with a warning; an assignment and a note with a mention reach the other's views live", async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(120_000);
  const chat = await customerChat(admin.request, "max", "Shared customer", "Кто-нибудь ответит?");
  const olena = await secondAgent(admin, browser);
  const staff = await apiJson<StaffMember[]>(admin.request, "/api/staff");
  const adminName = staff.find((member) => member.email === (process.env.E2E_EMAIL ?? "demo@inbox.local"))?.name ?? "";
  try {
    // Olena looks at the list; the admin opens the chat: Olena's row shows who has it open.
    await olena.page.goto(`/?q=${encodeURIComponent(chat.title)}`);
    const row = chatRow(olena.page, chat.title);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("presence-marker")).toHaveCount(0);
    await openChat(admin, chat);
    await expect(row.getByRole("img", { name: `${adminName} has this chat open` })).toBeVisible({ timeout: 5_000 });

    // Olena opens it too: each header names the other.
    await row.click();
    await expect(olena.page.getByTestId("presence")).toHaveText(`${adminName} is viewing`, { timeout: 5_000 });
    await expect(admin.getByTestId("presence")).toHaveText(`${olena.member.name} is viewing`, { timeout: 5_000 });

    // The admin types: Olena sees it within a moment, and it ends after a few quiet seconds.
    await admin.getByRole("textbox", { name: "Message" }).pressSequentially("Сейчас проверю");
    await expect(olena.page.getByTestId("presence")).toHaveText(`${adminName} is typing…`, { timeout: 3_000 });
    await expect(olena.page.getByTestId("presence")).toHaveText(`${adminName} is viewing`, { timeout: 10_000 });

    // Olena answers first: the admin's send is held with her reply shown, and goes on the second try.
    const olenaBox = olena.page.getByRole("textbox", { name: "Message" });
    await olenaBox.fill("Уже отвечаю вам, минуту");
    await olenaBox.press("Enter");
    await expect(admin.getByRole("log")).toContainText("Уже отвечаю вам, минуту");
    const adminBox = admin.getByRole("textbox", { name: "Message" });
    await adminBox.press("Enter");
    const warning = admin.getByRole("alert").filter({ hasText: "A teammate replied while you were typing" });
    await expect(warning).toContainText("Уже отвечаю вам, минуту");
    await expect(adminBox).toHaveValue("Сейчас проверю");
    await admin.getByRole("button", { name: "Send anyway" }).click();
    await expect(adminBox).toHaveValue("");
    await expect(warning).toHaveCount(0);
    await expect(admin.getByRole("log")).toContainText("Сейчас проверю");

    // Olena goes back to the list, then closes her tab: gone from the admin's header within 10 s.
    await olena.page.goto(`/?view=mine&q=${encodeURIComponent(chat.title)}`);
    await expect(admin.getByTestId("presence")).toHaveText("", { timeout: 10_000 });

    // The admin gives Olena the chat: it appears in her Mine view without a reload.
    await expect(chatRow(olena.page, chat.title)).toHaveCount(0);
    const assigned = await admin.request.post(`/api/chats/${chat.id}/assign`, {
      headers: origin(),
      data: { assigneeId: olena.member.id },
    });
    expect(assigned.ok()).toBe(true);
    await expect(chatRow(olena.page, chat.title)).toBeVisible({ timeout: 10_000 });

    // A note that mentions her puts the chat into her Mentions view, with its count.
    await olena.page.getByRole("button", { name: /^Mentions/ }).click();
    await expect(chatRow(olena.page, chat.title)).toHaveCount(0);
    await admin.getByRole("button", { name: "Note", exact: true }).click();
    const noteBox = admin.getByLabel("Message", { exact: true });
    await noteBox.pressSequentially(`@${olena.member.name.slice(0, 5)}`);
    await admin.getByRole("option", { name: new RegExp(olena.member.name) }).click();
    await expect(noteBox).toHaveValue(`@${olena.member.name} `);
    await noteBox.pressSequentially("please call the customer");
    await noteBox.press("Enter");
    const note = admin.locator("[data-note]").filter({ hasText: "please call the customer" });
    await expect(note).toContainText("Note · only your team sees this");
    await expect(chatRow(olena.page, chat.title)).toBeVisible({ timeout: 10_000 });
    await expect(olena.page.getByTestId("view-count-mentions")).toHaveText(/^[1-9]/);

    // Olena opens the chat again and closes her browser: gone from the admin's header within 10 s.
    // Opening the chat sees the mention: her Mentions count goes.
    await chatRow(olena.page, chat.title).click();
    await expect(olena.page.getByTestId("view-count-mentions")).toHaveCount(0);
    await expect(admin.getByTestId("presence")).toHaveText(`${olena.member.name} is viewing`, { timeout: 5_000 });
    await olena.close();
    await expect(admin.getByTestId("presence")).toHaveText("", { timeout: 10_000 });
  } finally {
    await olena.close().catch(() => {});
  }
});
