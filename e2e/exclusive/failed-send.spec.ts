import { messageWithText, openChat } from "../support/inbox";
import { ownChat, uniqueName } from "../support/own-chat";
import { bodyText, sandboxCalls, setSandboxFaults } from "../support/sandbox";
import { expect, test } from "../support/test";

test("a send the provider refuses shows why with “Retry” and “Copy text”, and its chat is in Not delivered; retrying after the provider recovers sends it once and the chat leaves the view", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const chat = await ownChat(page.request, "chatops", { title: uniqueName("Retry group"), members: ["Ann Lee"] });
  await openChat(page, chat);
  const text = `Проверьте, пожалуйста, ещё раз ${Date.now()}`;
  const posted = (since: number) =>
    sandboxCalls("chatops", since).then((calls) =>
      calls.filter((call) => call.method === "POST" && call.status === 201 && bodyText(call).includes(text)),
    );

  // The provider refuses everything (400 is not worth retrying): the send fails for good.
  await setSandboxFaults("chatops", { forceStatus: 400 });
  try {
    await page.getByRole("textbox", { name: "Message" }).fill(text);
    await page.keyboard.press("Enter");
    const bubble = messageWithText(page, text);
    await expect(bubble).toBeVisible();
    await expect(bubble.getByRole("status")).toContainText("Not sent", { timeout: 30_000 });
    await expect(bubble.getByRole("button", { name: "Retry" })).toBeVisible();
    await bubble.getByRole("button", { name: "Copy text" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    // The Not delivered view shows up with its count and holds the chat.
    const tab = page.getByRole("button", { name: /^Not delivered/ });
    await expect(tab.getByTestId("view-count-undelivered")).toHaveText(/^[1-9]\d*$/);
    await tab.click();
    await expect(page).toHaveURL(/view=undelivered/);
    await expect(page.getByRole("link", { name: new RegExp(`^${chat.title}`) })).toBeVisible();
  } finally {
    await setSandboxFaults("chatops", { forceStatus: null });
  }

  const since = Date.now();
  const bubble = messageWithText(page, text);
  await bubble.getByRole("button", { name: "Retry" }).click();
  await expect(bubble.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
  await expect(bubble.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect.poll(async () => (await posted(since)).length, { timeout: 30_000 }).toBe(1);
  await expect(page.getByRole("link", { name: new RegExp(`^${chat.title}`) })).toHaveCount(0);

  await page.reload();
  await expect(messageWithText(page, text).getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible();
});
