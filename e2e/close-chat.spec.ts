import { chatRow, openChat } from "./support/inbox";
import { customerChat } from "./support/own-chat";
import { sandboxCalls } from "./support/sandbox";
import { expect, test } from "./support/test";

test("“Close chat” asks first, shows the chat closed at once, and the provider closes it", async ({ page }) => {
  const chat = await customerChat(page.request, "smartsender", "Closing customer", "Всё получил, можно закрывать");
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
          (call) => call.method === "PUT" && call.path === `/v1/chats/${chat.externalId}/close` && call.status === 200,
        ),
      { timeout: 90_000 },
    )
    .toBe(true);
});
