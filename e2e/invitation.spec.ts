import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { chatDetail, chatsOf, openChat, pickChat } from "./support/inbox";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe("copy invitation link", () => {
  test("copies a chat-operations chat's invitation to the clipboard and says so", async ({ page }) => {
    await signIn(page);
    const chat = await pickChat(page.request, "chatops", 0);
    await openChat(page, chat);
    const invitation = await page.request.post(`/api/chats/${chat.id}/invitation`, {
      headers: { origin: process.env.E2E_BASE_URL ?? "" },
      data: {},
    });
    const { link } = (await invitation.json()) as { link: string };
    await page.getByRole("button", { name: "Copy invitation link" }).click();
    await expect(page.getByText("Invitation link copied")).toBeVisible();
    expect(await clipboard(page)).toBe(link);
  });

  test("copies a MAX chat's public link", async ({ page }) => {
    await signIn(page);
    const chats = await chatsOf(page.request, "max");
    let publicLink: string | null = null;
    let chosen = chats[0];
    for (const chat of chats
      .filter((candidate) => candidate.kind !== "dialog")
      .sort((a, b) => a.title.localeCompare(b.title))) {
      publicLink = (await chatDetail(page.request, chat.id)).publicLink;
      chosen = chat;
      if (publicLink) break;
    }
    if (!publicLink || !chosen) throw new Error("No MAX chat with a public link");
    await openChat(page, chosen);
    await page.getByRole("button", { name: "Copy invitation link" }).click();
    await expect(page.getByText("Invitation link copied")).toBeVisible();
    expect(await clipboard(page)).toBe(publicLink);
  });

  test("is not offered where the provider has no invitation links", async ({ page }) => {
    await signIn(page);
    const chat = await pickChat(page.request, "smartsender", 2);
    await openChat(page, chat);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(chat.title);
    await expect(page.getByRole("button", { name: "Copy invitation link" })).toHaveCount(0);
  });
});
