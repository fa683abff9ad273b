import type { Page } from "@playwright/test";
import { newestMessages, openChat } from "./support/inbox";
import { customerChat } from "./support/own-chat";
import { downloadedMedia, maxUploads, sandboxCalls } from "./support/sandbox";
import { expect, test } from "./support/test";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

const composer = (page: Page) => page.getByRole("region", { name: "Reply" });
const chips = (page: Page) => composer(page).getByRole("list", { name: "Attach a file" });

/** Drops or pastes a file the way a browser hands one over (a DataTransfer with the file in it). */
async function handOver(page: Page, how: "drop" | "paste", name: string, type: string, bytes: number) {
  await page.evaluate(
    ({ how, name, type, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes).fill(65)], name, { type }));
      if (how === "paste") {
        const box = document.querySelector("textarea");
        box?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
        return;
      }
      const zone = document.querySelector('section[aria-label="Reply"]');
      zone?.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { how, name, type, bytes },
  );
}

test.describe("files in replies", () => {
  test("a picture attached with the paperclip uploads, is sent through the outbox, downloaded by SmartSender, and shows in the thread", async ({
    page,
  }) => {
    const chat = await customerChat(page.request, "smartsender", "Receipt asker", "Пришлите, пожалуйста, чек");
    await openChat(page, chat);
    const attach = composer(page).getByRole("button", { name: "Attach a file" });
    await expect(attach).toHaveAttribute(
      "title",
      /pictures \(JPEG, PNG, GIF, WEBP\) up to 5 MB, other files up to 20 MB/,
    );
    const since = Date.now();
    await composer(page)
      .locator('input[type="file"]')
      .setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: PNG });
    await expect(chips(page).getByRole("listitem")).toContainText(["receipt.png"]);
    // With a file attached, the line under the field states the provider's limits.
    await expect(composer(page).locator("p", { hasText: /^Attach pictures/ })).toHaveText(
      "Attach pictures (JPEG, PNG, GIF, WEBP) up to 5 MB, other files up to 20 MB; 1 file per message. Text goes as its own message.",
    );
    await expect(chips(page).getByRole("status")).toHaveText("Ready");
    const text = `Ваш чек ${Date.now()}`;
    await page.getByRole("textbox", { name: "Message" }).fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(chips(page)).toHaveCount(0);

    // SmartSender's file messages carry no text: the picture, then the text as its own message.
    const log = page.getByRole("log", { name: "Messages" });
    const picture = log
      .locator("[data-message-id]")
      .filter({ has: page.getByRole("button", { name: /receipt\.png/ }) });
    await expect(picture).toBeVisible();
    await expect(picture.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
    await expect(log.getByText(text)).toBeVisible();
    await expect
      .poll(async () =>
        (await sandboxCalls("smartsender", since))
          .filter((call) => call.method === "POST")
          .map((call) => (call.body as { type?: string }).type),
      )
      .toEqual(["picture", "text"]);
    const sent = (await sandboxCalls("smartsender", since)).find(
      (call) => (call.body as { type?: string } | undefined)?.type === "picture",
    );
    const media = (sent?.body as { media?: string } | undefined)?.media ?? "";
    expect(media).toMatch(/\/api\/files\//);
    expect((await downloadedMedia()).filter((download) => download.url === media)).toEqual([
      { url: media, contentType: "image/png", bytes: PNG.length },
    ]);
    // The thread's picture is served by the inbox and really loads.
    await expect
      .poll(() =>
        picture
          .getByRole("button", { name: /receipt\.png/ })
          .locator("img")
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(1);
    const stored = (await newestMessages(page.request, chat.id)).items.find((message) =>
      message.attachments.some((attachment) => attachment.fileName === "receipt.png"),
    );
    expect(stored?.deliveryState).toMatch(/^(sent|delivered|read)$/);
  });

  test("at MAX a file is uploaded to its upload service and sent with the text as one message", async ({ page }) => {
    const chat = await customerChat(page.request, "max", "Contract asker", "Пришлите договор");
    await openChat(page, chat);
    await expect(composer(page).getByRole("button", { name: "Attach a file" })).toHaveAttribute(
      "title",
      /1 file per message\.$/,
    );
    const name = `Договор ${Date.now()}.pdf`;
    await composer(page)
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 contract") });
    await expect(chips(page).getByRole("status")).toHaveText("Ready");
    await page.getByRole("textbox", { name: "Message" }).fill("Договор во вложении");
    await page.getByRole("button", { name: "Send", exact: true }).click();

    const sent = page.getByRole("log", { name: "Messages" }).locator("[data-message-id]").filter({ hasText: name });
    await expect(sent).toContainText("Договор во вложении");
    await expect(sent.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => (await maxUploads()).filter((file) => file.fileName === name))
      .toEqual([{ type: "file", fileName: name, contentType: "application/pdf", size: 17, token: expect.any(String) }]);
  });

  test("dropped and pasted files attach; what the provider would refuse is refused before upload, with the reason", async ({
    page,
  }) => {
    const chat = await customerChat(page.request, "smartsender", "File sender", "Можно файлом?");
    await openChat(page, chat);
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && /\/files\?name=/.test(request.url())) uploads.push(request.url());
    });

    await handOver(page, "drop", "huge.png", "image/png", 5 * 1024 * 1024 + 1);
    await expect(page.getByText("huge.png is larger than 5 MB, the most this provider accepts.")).toBeVisible();
    await expect(chips(page)).toHaveCount(0);
    expect(uploads).toEqual([]);

    await handOver(page, "drop", "invoice.pdf", "application/pdf", 2048);
    await expect(chips(page).getByRole("listitem")).toContainText(["invoice.pdf"]);
    await expect(chips(page).getByRole("status")).toHaveText("Ready");
    // One file per message at SmartSender: a second one is refused.
    await handOver(page, "paste", "second.pdf", "application/pdf", 10);
    await expect(page.getByText("This provider takes 1 file per message.")).toBeVisible();
    await chips(page).getByRole("button", { name: "Remove invoice.pdf" }).click();
    await expect(chips(page)).toHaveCount(0);

    await handOver(page, "paste", "notes.txt", "text/plain", 300);
    await expect(chips(page).getByRole("status")).toHaveText("Ready");
    expect(uploads).toHaveLength(2);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const sent = page
      .getByRole("log", { name: "Messages" })
      .locator("[data-message-id]")
      .filter({ hasText: "notes.txt" });
    await expect(sent.getByTitle(/^(Sent|Delivered|Read)$/)).toBeVisible({ timeout: 30_000 });
  });

  test("where the provider cannot send files there is no paperclip, and the reason is in the tooltip", async ({
    page,
  }) => {
    const chat = await customerChat(page.request, "tgbridge", "Bridge customer", "Добрый день");
    await openChat(page, chat);
    await expect(page.getByRole("textbox", { name: "Message" })).toBeEnabled();
    await expect(composer(page).getByRole("button", { name: "Attach a file" })).toHaveCount(0);
    const reason = composer(page).getByRole("img", {
      name: /Files cannot be sent here: this provider's API sends text only/,
    });
    await expect(reason).toHaveAttribute("title", /sends text only/);
    // Dropping a file there attaches nothing.
    await handOver(page, "drop", "photo.png", "image/png", 10);
    await expect(composer(page).getByRole("list", { name: "Attach a file" })).toHaveCount(0);
  });
});
