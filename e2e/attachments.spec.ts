import type { Page } from "@playwright/test";
import type { ChatListItem } from "@/lib/chats/list-chats";
import type { AttachmentView, MessageView } from "@/lib/messages/list-messages";
import { newestMessages, openChat, scrollToMessage } from "./support/inbox";
import { ownChat, uniqueName } from "./support/own-chat";
import { expect, test } from "./support/test";

type Found = { chat: ChatListItem; message: MessageView; attachment: AttachmentView };

/**
 * Matches an attribute ending in the URL's path: the sandboxes serve media from ports of their
 * own, which the cache learns again when a server restarts.
 */
function endingWith(attribute: string, url: string | null): string {
  const { pathname, search } = new URL(url ?? "http://missing.invalid/");
  return `[${attribute}$="${pathname}${search}"]`;
}

/** Files are served by the inbox (app/api/media), never loaded from the provider's host by the browser. */
const fromInbox = (attribute: string, attachment: AttachmentView) =>
  `[${attribute}="/api/media/attachments/${attachment.id}"]`;

const WITH_URL = ["image", "file", "video", "audio", "voice", "sticker", "animation", "share"] as const;
const WITHOUT_URL = ["location", "contact"] as const;

/**
 * Chats of this test's own with every attachment kind among them, each kind where a provider
 * documents it: MAX (with web addresses), SmartSender's animations and voice notes, and a bridge
 * file, which comes with a name only.
 */
async function chatsWithAttachments(page: Page): Promise<ChatListItem[]> {
  const max = ["image", "video", "audio", "file", "sticker", "share", "location", "contact"] as const;
  return Promise.all([
    ownChat(page.request, "max", {
      title: uniqueName("Attachments"),
      messages: max.map((kind) => ({ attachments: [kind] })),
    }),
    ownChat(page.request, "smartsender", {
      title: uniqueName("Attachments"),
      messages: [{ attachments: ["animation"] }, { attachments: ["voice"] }],
    }),
    ownChat(page.request, "tgbridge", {
      title: uniqueName("Attachments"),
      messages: [{ text: "Счёт во вложении", attachments: ["file"] }],
    }),
  ]);
}

/** The newest message of each attachment kind (with a web address where the kind needs one), over the chats. */
async function findAttachments(page: Page, chats: ChatListItem[]): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  for (const chat of chats) {
    for (const message of (await newestMessages(page.request, chat.id)).items) {
      for (const attachment of message.attachments) {
        const hasUrl = attachment.url?.startsWith("http") ?? false;
        const wanted = (WITH_URL as readonly string[]).includes(attachment.kind) ? hasUrl : true;
        if (wanted && !found.has(attachment.kind)) found.set(attachment.kind, { chat, message, attachment });
        if (attachment.url === null && attachment.fileName !== null && !found.has("name-only")) {
          found.set("name-only", { chat, message, attachment });
        }
        if (!hasUrl && attachment.url === null && !found.has("no-url")) {
          found.set("no-url", { chat, message, attachment });
        }
      }
    }
    const all = [...WITH_URL, ...WITHOUT_URL, "no-url", "name-only"];
    if (all.every((wanted) => found.has(wanted))) return found;
  }
  return found;
}

test("attachments of each kind: thumbnails with a lightbox, downloads, players, stickers, map links, contacts", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const found = await findAttachments(page, await chatsWithAttachments(page));
  for (const kind of [...WITH_URL, ...WITHOUT_URL]) expect(found.has(kind), `a ${kind} attachment`).toBe(true);

  const open = ({ chat, message, attachment }: Found) =>
    test.step(`${attachment.kind} in chat ${chat.id}, message ${message.id}`, async () => {
      if (!page.url().includes(`/chats/${chat.id}?`)) await openChat(page, chat);
      return scrollToMessage(page, message.id);
    });
  const get = (kind: string) => {
    const item = found.get(kind);
    if (!item) throw new Error(`no ${kind}`);
    return item;
  };

  const image = get("image");
  let message = await open(image);
  const name = image.attachment.title ?? image.attachment.fileName ?? "Image";
  await message
    .getByRole("button", { name: `Open image ${name}` })
    .first()
    .click();
  const lightbox = page.getByRole("dialog", { name });
  await expect(
    lightbox.getByRole("img", { name }).and(lightbox.locator(fromInbox("src", image.attachment))),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(lightbox).toBeHidden();

  const file = get("file");
  message = await open(file);
  const download = message.locator(`a${fromInbox("href", file.attachment)}`);
  await expect(download).toContainText(file.attachment.fileName ?? file.attachment.title ?? "");
  await expect(download).toHaveAttribute("rel", "noopener noreferrer nofollow");
  if (file.attachment.size !== null) await expect(download).toContainText(/\d.*(byte|kB|MB|GB)/);

  for (const kind of ["video", "audio", "voice"] as const) {
    const media = get(kind);
    message = await open(media);
    const player = message.locator(`${kind === "video" ? "video" : "audio"}${fromInbox("src", media.attachment)}`);
    await expect(player).toHaveAttribute("controls", "");
  }

  const sticker = get("sticker");
  message = await open(sticker);
  await expect(
    message.getByRole("img", { name: /^Sticker/ }).and(message.locator(fromInbox("src", sticker.attachment))),
  ).toBeVisible();

  const animation = get("animation");
  message = await open(animation);
  await expect(message.locator(fromInbox("src", animation.attachment)).first()).toBeVisible();

  const location = get("location");
  message = await open(location);
  const map = message.getByRole("link", { name: /Location|\d+\.\d+/ }).first();
  await expect(map).toHaveAttribute(
    "href",
    new RegExp(`^https://www\\.openstreetmap\\.org/\\?mlat=${location.attachment.latitude}`),
  );

  const contact = get("contact");
  message = await open(contact);
  if (contact.attachment.contactName) await expect(message).toContainText(contact.attachment.contactName);
  if (contact.attachment.contactPhone) await expect(message).toContainText(contact.attachment.contactPhone);

  const share = get("share");
  message = await open(share);
  await expect(message.locator(`a${endingWith("href", share.attachment.url)}`).first()).toBeVisible();

  // Without a web address nothing becomes a link: the name is shown as text.
  const bare = found.get("no-url");
  if (bare) {
    message = await open(bare);
    const label = bare.attachment.fileName ?? bare.attachment.title;
    if (label) {
      await expect(message).toContainText(label);
      await expect(message.getByRole("link", { name: label })).toHaveCount(0);
    }
  }

  // A file the provider names but gives no address for (the bridge): its name, plainly marked, no link.
  const nameOnly = found.get("name-only");
  expect(nameOnly, "the bridge's file comes by name only").toBeDefined();
  if (nameOnly?.attachment.fileName) {
    message = await open(nameOnly);
    await expect(message).toContainText(nameOnly.attachment.fileName);
    await expect(message).toContainText("Only its name came through: it cannot be opened yet");
    await expect(message.getByRole("link", { name: nameOnly.attachment.fileName })).toHaveCount(0);
  }
});
