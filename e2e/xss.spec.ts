import { chatList, messageLog, messageWithText } from "./support/inbox";
import { injectMessage } from "./support/sandbox";
import { expect, test } from "./support/test";

test("provider titles, names and texts are shown as text; markup and javascript: links never run", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const stamp = Date.now();
  const title = `<img src=x onerror="window.__xss='title'"> Probe ${stamp}`;
  const probes = [
    `<script>window.__xss='script'</script> ${stamp}`,
    `<img src=x onerror="window.__xss='img'"> ${stamp}`,
    `"><svg onload="window.__xss='svg'"> ${stamp}`,
    `<a href="javascript:window.__xss='anchor'">click me</a> ${stamp}`,
    `javascript:window.__xss='url' and data:text/html,<script>alert(1)</script> ${stamp}`,
    `Safe: https://example.com/track?id=${stamp} (and that is all)`,
  ];
  // A new customer (their name becomes the chat's title) writes the probes.
  const { chatExternalId } = await injectMessage("max", { text: probes[0] ?? "", authorName: title });
  for (const text of probes.slice(1)) await injectMessage("max", { chatExternalId, text, authorName: title });

  await page.goto(`/?q=${encodeURIComponent(`Probe ${stamp}`)}`);
  const row = chatList(page).getByRole("link").first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(title);
  await row.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  for (const text of probes) await expect(messageWithText(page, text)).toBeVisible({ timeout: 20_000 });

  const log = messageLog(page);
  await expect(log.locator("script, svg[onload], img[src='x'], [onerror], [onload]")).toHaveCount(0);
  await expect(page.locator("a[href^='javascript:'], a[href^='data:'], [href^='vbscript:']")).toHaveCount(0);
  const links = log.locator("a[href]");
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute("href", `https://example.com/track?id=${stamp}`);
  await expect(links).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(links).toHaveAttribute("target", "_blank");
  expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
