import { messageLog } from "./support/inbox";
import { customerChat, publicGroup } from "./support/own-chat";
import { expect, test } from "./support/test";

test.describe("lookups", () => {
  test("“Find chat by phone” opens the customer's active chat, or says clearly that there is none", async ({
    page,
  }) => {
    // A customer of this test's own, with an active chat the bridge finds by phone (source 0, as the sandbox's).
    const chat = await customerChat(page.request, "tgbridge", "Phone customer", "Перезвоните, пожалуйста");

    await page.goto("/");
    await page.getByRole("button", { name: "Find chat by phone" }).click();
    const dialog = page.getByRole("dialog", { name: "Find chat by phone" });
    await dialog.getByLabel("Phone").fill("+7 000 000-00-01");
    await dialog.getByLabel("Chat name or key").fill("Nobody");
    await dialog.getByRole("button", { name: "Find chat" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("No chat was found for this phone number.");

    await dialog.getByLabel("Phone").fill(chat.seeded.phone ?? "");
    await dialog.getByLabel("Chat name or key").fill(chat.title);
    await dialog.getByLabel("Source").selectOption("0");
    await dialog.getByRole("button", { name: "Find chat" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/chats/${chat.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(chat.title);
    await expect(messageLog(page)).toBeVisible();
  });

  test("“Open by link” checks the link as it is typed, opens the chat, or says none was found", async ({ page }) => {
    const chat = await publicGroup(page.request, "Linked group");
    const link = chat.publicLink;
    if (!link) throw new Error("The MAX chat has no public link");
    const name = link.replace(/^https?:\/\/[^/]+\//, "");

    await page.goto("/");
    await page.getByRole("button", { name: "Open by link" }).click();
    const dialog = page.getByRole("dialog", { name: "Open by link" });
    const input = dialog.getByLabel("Link or username");
    const open = dialog.getByRole("button", { name: "Open chat" });

    await input.fill("not a link!");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("This is not a link that a connected provider can open.")).toBeVisible();
    await expect(open).toBeDisabled();

    await input.fill("@nobody_here_at_all");
    await expect(input).not.toHaveAttribute("aria-invalid");
    await open.click();
    await expect(dialog.getByRole("alert")).toHaveText("No chat was found for this link.");

    await input.fill(`@${name}`);
    await open.click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/chats/${chat.id}$`));
    await expect(messageLog(page)).toBeVisible();
  });
});
