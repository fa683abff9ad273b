import type { ConnectionSummary } from "@/lib/connections/list-connections";
import { apiJson, chatList, chatRow, connectionOf, messageLog, openChat } from "../support/inbox";
import { customerChat } from "../support/own-chat";
import { setSandboxFaults } from "../support/sandbox";
import { expect, test } from "../support/test";

const healthOf = async (api: Parameters<typeof apiJson>[0], id: string) =>
  (await apiJson<ConnectionSummary[]>(api, "/api/connections")).find((connection) => connection.id === id)?.health;

test("a provider that fails shows its status; its chats stay readable from the cache, marked as such", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const connection = await connectionOf(page.request, "tgbridge");
  const chat = await customerChat(page.request, "tgbridge", "Cached customer", "Здравствуйте, вопрос по доставке");
  expect(chat.lastMessagePreview).not.toBeNull();
  await page.goto(`/?connection=${connection.id}&q=${encodeURIComponent(chat.title)}`);
  await expect(chatRow(page, chat.title)).toBeVisible();
  await expect(page.getByRole("list", { name: "Provider problems" })).toHaveCount(0);

  await setSandboxFaults("tgbridge", { forceStatus: 503 });
  try {
    await expect
      .poll(() => healthOf(page.request, connection.id), { timeout: 90_000, intervals: [1000] })
      .toMatch(/degraded|down/);
    // Live: the notice and the marks arrive without a reload.
    const notice = page.getByRole("list", { name: "Provider problems" });
    await expect(notice).toContainText(connection.displayName);
    await expect(notice).toContainText(/is down|is having trouble|is unreachable since/);
    await expect(chatList(page).getByRole("link").first()).toContainText("Cached");
    await expect(
      page.getByRole("button", { name: new RegExp(`^${connection.displayName.replace(/[()]/g, "\\$&")}`) }),
    ).toContainText(/degraded|down/);

    await openChat(page, chat);
    await expect(messageLog(page).locator("[data-message-id]").first()).toBeVisible();
    await expect(page.getByText(/The provider is (down|having trouble)/)).toBeVisible();
  } finally {
    await setSandboxFaults("tgbridge", { forceStatus: null });
  }
  await expect.poll(() => healthOf(page.request, connection.id), { timeout: 90_000, intervals: [1000] }).toBe("ok");
  await expect(page.getByRole("list", { name: "Provider problems" })).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText(/The provider is (down|having trouble)/)).toHaveCount(0);
});
