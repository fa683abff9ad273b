import type { Page } from "@playwright/test";
import { openChat } from "./support/inbox";
import { customerChat, ownChat, publicGroup, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test.describe("copy invitation link", () => {
  test("copies a chat-operations chat's invitation to the clipboard and says so", async ({ page }) => {
    const chat = await ownChat(page.request, "chatops", {
      title: uniqueName("Invitation group"),
      members: ["Ann Lee"],
    });
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
    const chat = await publicGroup(page.request, "Public group");
    expect(chat.publicLink).toBe(chat.seeded.link);
    await openChat(page, chat);
    await page.getByRole("button", { name: "Copy invitation link" }).click();
    await expect(page.getByText("Invitation link copied")).toBeVisible();
    expect(await clipboard(page)).toBe(chat.publicLink);
  });

  test("is not offered where the provider has no invitation links", async ({ page }) => {
    const chat = await customerChat(page.request, "smartsender", "No invitation", "Hello");
    await openChat(page, chat);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(chat.title);
    await expect(page.getByRole("button", { name: "Copy invitation link" })).toHaveCount(0);
  });
});
