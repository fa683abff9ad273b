import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { chatDetail, chatRow, openChat, pickChat } from "./support/inbox";
import { sandboxCalls } from "./support/sandbox";

test("“Close chat” asks first, shows the chat closed at once, and the provider closes it", async ({ page }) => {
  await signIn(page);
  const chat = await pickChat(page.request, "smartsender", 4, (candidate) => candidate.status === "open");
  const { externalId } = await chatDetail(page.request, chat.id);
  await openChat(page, chat);
  const since = Date.now();
  await page.getByRole("button", { name: "Close chat" }).click();
  const confirm = page.getByRole("dialog", { name: "Close this chat?" });
  await expect(confirm).toContainText(chat.title);
  await confirm.getByRole("button", { name: "Close chat" }).click();
  await expect(page.getByText("Chat closed")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Closed");
  await expect(chatRow(page, chat.title)).toContainText("Closed");
  await expect(page.getByRole("button", { name: "Close chat" })).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await sandboxCalls("smartsender", since)).some(
          (call) => call.method === "PUT" && call.path === `/v1/chats/${externalId}/close` && call.status === 200,
        ),
      { timeout: 90_000 },
    )
    .toBe(true);
});
