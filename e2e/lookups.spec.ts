import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { chatDetail, chatsOf, messageLog } from "./support/inbox";

test.describe("lookups", () => {
  test("“Find chat by phone” opens the customer's active chat, or says clearly that there is none", async ({
    page,
  }) => {
    await signIn(page);
    const candidates = (await chatsOf(page.request, "tgbridge")).filter(
      (chat) => chat.phone !== null && chat.status === "open",
    );
    // The bridge answers for one source at a time; find a phone it knows, as an agent would by asking.
    let found: { phone: string; source: 0 | 1; chatId: number } | null = null;
    for (const chat of candidates.slice(0, 10)) {
      for (const source of [0, 1] as const) {
        const response = await page.request.post("/api/lookup/phone", {
          headers: { origin: process.env.E2E_BASE_URL ?? "" },
          data: { phone: chat.phone, name: chat.title, source },
        });
        if (response.status() === 200) {
          found = { phone: chat.phone ?? "", source, chatId: ((await response.json()) as { chatId: number }).chatId };
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new Error("The bridge knows none of the phones");
    const title = (await chatDetail(page.request, found.chatId)).title;

    await page.goto("/");
    await page.getByRole("button", { name: "Find chat by phone" }).click();
    const dialog = page.getByRole("dialog", { name: "Find chat by phone" });
    await dialog.getByLabel("Phone").fill("+7 000 000-00-01");
    await dialog.getByLabel("Chat name or key").fill("Nobody");
    await dialog.getByRole("button", { name: "Find chat" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("No chat was found for this phone number.");

    await dialog.getByLabel("Phone").fill(found.phone);
    await dialog.getByLabel("Chat name or key").fill(title);
    await dialog.getByLabel("Source").selectOption(String(found.source));
    await dialog.getByRole("button", { name: "Find chat" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/chats/${found.chatId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(messageLog(page)).toBeVisible();
  });

  test("“Open by link” checks the link as it is typed, opens the chat, or says none was found", async ({ page }) => {
    await signIn(page);
    let link: string | null = null;
    let chatId = 0;
    for (const chat of (await chatsOf(page.request, "max")).filter((candidate) => candidate.kind !== "dialog")) {
      const detail = await chatDetail(page.request, chat.id);
      if (detail.publicLink) {
        link = detail.publicLink;
        chatId = chat.id;
        break;
      }
    }
    if (!link) throw new Error("No MAX chat with a public link");
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
    await expect(page).toHaveURL(new RegExp(`/chats/${chatId}$`));
    await expect(messageLog(page)).toBeVisible();
  });
});
