/**
 * The mapper on SmartSender's own samples (docs/providers/seeds/001_4c7582a753ef1710.txt, copied
 * to fixtures/) and on messages shaped as docs/providers/smartsender.md describes them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import chatSample from "@/lib/providers/smartsender/fixtures/chat-2120.json";
import chatListSample from "@/lib/providers/smartsender/fixtures/chats-list.json";
import { mapChat, mapMessage, parseSmartSenderDate, unreadCountOf } from "@/lib/providers/smartsender/mapper";
import {
  chatSchema,
  errorMessageOf,
  messageSchema,
  pageSchema,
  type SmartSenderChat,
} from "@/lib/providers/smartsender/wire";

const SEED = path.resolve(import.meta.dirname, "../../../docs/providers/seeds/001_4c7582a753ef1710.txt");
const FIXTURES = path.resolve(import.meta.dirname, "fixtures");

/** The JSON blocks of the seed, in order: the chat list sample, then the chat-by-id sample. */
function seedBlocks(): string[] {
  return readFileSync(SEED, "utf8")
    .split("Code Block\n")
    .slice(1)
    .map((block) => block.slice(0, block.indexOf("\n\nОписание ответа")));
}

describe("fixtures", () => {
  it("are the seed's samples verbatim, less the two stray words in the list sample", () => {
    const [list, detail] = seedBlocks();
    // The seed's list sample reads `}Cursor,` and `Chats[]`: link captions pasted into the
    // JSON. Dropping `Cursor` and the `Chats[` before the collection's closing `]` is all
    // it takes to make it JSON again.
    expect(list).toContain("}Cursor,");
    expect(list).toContain("    Chats[]\n}");
    const repaired = list?.replace("}Cursor,", "},").replace("Chats[]", "]");
    expect(readFileSync(path.join(FIXTURES, "chats-list.json"), "utf8")).toBe(`${repaired}\n`);
    expect(readFileSync(path.join(FIXTURES, "chat-2120.json"), "utf8")).toBe(`${detail}\n`);
  });
});

describe("mapChat on the seed samples", () => {
  const page = pageSchema.parse(chatListSample);
  const chats = page.collection.map((raw) => chatSchema.parse(raw));
  const [baday, serdiuk] = chats.map((chat) => mapChat(chat, "open"));

  it("reads the list envelope", () => {
    expect(page.cursor).toEqual({ page: 1, pages: 235 });
    expect(page.collection).toHaveLength(2);
  });

  it("shows each customer's name and photo", () => {
    expect(baday?.externalId).toBe("2196");
    expect(baday?.title).toBe("Oleksandr Baday");
    expect(baday?.avatarUrl).toBe(
      "https://messenger.smartsender.eu/storage/projects/1/TVZhdSAq9XeqMktQSo7f8qZVHnt4vsy5BmnVt8gl.jpeg",
    );
    expect(serdiuk?.title).toBe("Oleksandr Serdiuk");
    expect(serdiuk?.kind).toBe("dialog");
  });

  it("counts unread over all gates (all zero in the samples) and reads dates as UTC", () => {
    expect(baday?.providerUnreadCount).toBe(0);
    expect(serdiuk?.providerUnreadCount).toBe(0);
    expect(serdiuk?.createdAt?.toISOString()).toBe("2019-11-13T11:08:50.000Z");
    expect(serdiuk?.lastMessageAt?.toISOString()).toBe("2020-02-01T16:12:21.000Z");
  });

  it("keeps the provider's chat untouched in raw", () => {
    expect(baday?.raw).toEqual(chatListSample.collection[0]);
    expect(serdiuk?.raw).toEqual(chatListSample.collection[1]);
  });

  it("maps the chat-by-id sample", () => {
    const helena = mapChat(chatSchema.parse(chatSample));
    expect(helena).toMatchObject({ externalId: "2120", title: "Helena", status: "open", providerStatus: null });
    expect(helena.raw).toEqual(chatSample);
  });
});

describe("mapChat details", () => {
  const withUnread = (counts: number[], extra: Partial<SmartSenderChat> = {}): SmartSenderChat => {
    const chat = chatSchema.parse(structuredClone(chatListSample.collection[1]));
    counts.forEach((count, index) => {
      const gate = chat.gates?.[index];
      if (gate) gate.unreadMessages = count;
    });
    return { ...chat, ...extra };
  };

  it("sums the gates' unread counts", () => {
    expect(unreadCountOf(withUnread([2, 0, 3, 1]))).toBe(6);
  });

  it("falls back to a top-level unreadMessages when no gate reports one", () => {
    expect(unreadCountOf(withUnread([], { gates: [], unreadMessages: 4 }))).toBe(4);
    expect(unreadCountOf(withUnread([], { gates: [] }))).toBeNull();
  });

  it("takes the status from the list filter the chat came from", () => {
    expect(mapChat(withUnread([]), "closed")).toMatchObject({ status: "closed", providerStatus: "closed" });
  });

  it("names a chat without a name after its contact", () => {
    expect(mapChat(withUnread([], { name: "  " })).title).toBe("Contact 3580");
    expect(mapChat(withUnread([], { image: "" })).avatarUrl).toBeNull();
  });
});

describe("parseSmartSenderDate", () => {
  it("reads SmartSender's zone-less dates as UTC and honours an explicit zone", () => {
    expect(parseSmartSenderDate("2019-10-23 16:16:38")?.toISOString()).toBe("2019-10-23T16:16:38.000Z");
    expect(parseSmartSenderDate("2019-10-23T16:16:38+03:00")?.toISOString()).toBe("2019-10-23T13:16:38.000Z");
    expect(parseSmartSenderDate("2019-10-23 16:16:38+0300")?.toISOString()).toBe("2019-10-23T13:16:38.000Z");
    expect(parseSmartSenderDate("yesterday")).toBeNull();
    expect(parseSmartSenderDate(null)).toBeNull();
  });
});

/** A message as providers.md §1 describes it, validated by the client's schema. */
function message(content: { type: string; resource?: unknown }, overrides: Record<string, unknown> = {}) {
  return messageSchema.parse({
    id: 5501,
    createdAt: "2026-11-20 10:15:00",
    deliveredAt: null,
    seenAt: null,
    internal: false,
    sender: { type: "contact", fullName: "Оксана Мельник", image: null },
    gate: { id: 124, channel: { type: "telegram" } },
    content,
    ...overrides,
  });
}

const params = (type: string, parameters: Record<string, unknown>) => ({ type, resource: { parameters } });
const operator = { sender: { type: "operator", fullName: "Ірина Коваленко", image: null } };

describe("mapMessage", () => {
  it("maps a customer's text as inbound, by its author", () => {
    const mapped = mapMessage(message(params("text", { content: "Доброго дня!" })), "2353");
    expect(mapped).toMatchObject({
      externalId: "5501",
      chatExternalId: "2353",
      direction: "inbound",
      authorName: "Оксана Мельник",
      text: "Доброго дня!",
      deliveryState: null,
      deletedAt: null,
      systemEvent: null,
    });
    expect(mapped.createdAt.toISOString()).toBe("2026-11-20T10:15:00.000Z");
  });

  it("maps an operator's message as outbound with its delivery state", () => {
    const text = params("text", { content: "Вітаю!" });
    expect(mapMessage(message(text, operator), "1").direction).toBe("outbound");
    expect(mapMessage(message(text, operator), "1").deliveryState).toBe("sent");
    expect(mapMessage(message(text, { ...operator, deliveredAt: "2026-11-20 10:15:01" }), "1").deliveryState).toBe(
      "delivered",
    );
    expect(
      mapMessage(message(text, { ...operator, deliveredAt: "2026-11-20 10:15:01", seenAt: "2026-11-20 10:16:00" }), "1")
        .deliveryState,
    ).toBe("read");
    expect(mapMessage(message(text, { sender: { type: "bot", fullName: "Bot" } }), "1").direction).toBe("outbound");
  });

  it("shows internal messages as staff notes, not as answers", () => {
    const mapped = mapMessage(message(params("text", { content: "VIP" }), { ...operator, internal: true }), "1");
    expect(mapped).toMatchObject({
      direction: "system",
      systemEvent: "internal_note",
      text: "VIP",
      deliveryState: null,
    });
  });

  it("reads input and action texts", () => {
    expect(mapMessage(message(params("input", { content: "+380501234567" })), "1").text).toBe("+380501234567");
    expect(mapMessage(message(params("action", { content: "Track my order" })), "1").text).toBe("Track my order");
  });

  it("turns pictures, animations and captioned pictures into attachments with the caption as text", () => {
    const picture = mapMessage(
      message(params("picture", { url: "https://cdn.example/p/photo.jpg", caption: "Чек" })),
      "1",
    );
    expect(picture.text).toBe("Чек");
    expect(picture.attachments).toMatchObject([
      { kind: "image", url: "https://cdn.example/p/photo.jpg", fileName: "photo.jpg" },
    ]);
    const captioned = mapMessage(
      message(params("telegramCaptionedPicture", { url: "https://x/a.png", caption: "A" })),
      "1",
    );
    expect(captioned.attachments[0]?.kind).toBe("image");
    expect(captioned.text).toBe("A");
    expect(mapMessage(message(params("animation", { url: "https://x/a.gif" })), "1").attachments[0]?.kind).toBe(
      "animation",
    );
  });

  it("maps every url-only type to its attachment kind", () => {
    const kinds = Object.fromEntries(
      ["file", "link", "video", "audio", "voice", "telegramVideoNote"].map((type) => [
        type,
        mapMessage(message(params(type, { url: `https://x/${type}/invoice%20may.pdf` })), "1").attachments[0],
      ]),
    );
    expect(kinds.file).toMatchObject({ kind: "file", fileName: "invoice may.pdf" });
    expect(kinds.link).toMatchObject({ kind: "share", url: "https://x/link/invoice%20may.pdf", fileName: null });
    expect(kinds.video?.kind).toBe("video");
    expect(kinds.telegramVideoNote?.kind).toBe("video");
    expect(kinds.audio?.kind).toBe("audio");
    expect(kinds.voice?.kind).toBe("voice");
  });

  it("maps a media group to one attachment per item", () => {
    const group = mapMessage(
      message(
        params("mediaGroup", {
          media: [
            { resource: { parameters: { url: "https://x/1.jpg", caption: "Пошкоджена коробка" } } },
            { resource: { parameters: { url: "https://x/2.jpg" } } },
            { resource: { parameters: { url: "https://x/3.mp4" } } },
          ],
        }),
      ),
      "1",
    );
    expect(group.text).toBe("Пошкоджена коробка");
    expect(group.attachments.map((item) => [item.kind, item.url])).toEqual([
      ["image", "https://x/1.jpg"],
      ["image", "https://x/2.jpg"],
      ["video", "https://x/3.mp4"],
    ]);
  });

  it("maps shared contacts and locations", () => {
    const contact = mapMessage(message(params("contact", { name: "Emily Smith", phoneNumber: "+447700900123" })), "1");
    expect(contact.attachments).toMatchObject([
      { kind: "contact", contactName: "Emily Smith", contactPhone: "+447700900123" },
    ]);
    const location = mapMessage(message(params("location", { latitude: "50.4501", longitude: 30.5234 })), "1");
    expect(location.attachments).toMatchObject([{ kind: "location", latitude: 50.4501, longitude: 30.5234 }]);
  });

  it("marks transient messages as deleted and keeps what they said", () => {
    const deleted = mapMessage(
      message(
        params("transient", {
          original: params("text", { content: "Помилково надіслала" }),
          context: { timestamp: "2026-11-20 11:00:00" },
        }),
      ),
      "1",
    );
    expect(deleted.deletedAt?.toISOString()).toBe("2026-11-20T11:00:00.000Z");
    expect(deleted.text).toBe("Помилково надіслала");
    const bare = mapMessage(message(params("transient", {})), "1");
    expect(bare.deletedAt?.toISOString()).toBe("2026-11-20T10:15:00.000Z");
    expect(bare.text).toBeNull();
  });

  it("keeps what it can of a content type the documents do not list", () => {
    const unknown = mapMessage(message(params("telegramStory", { url: "https://x/story.mp4" })), "1");
    expect(unknown.attachments).toMatchObject([{ kind: "other", url: "https://x/story.mp4", title: "telegramStory" }]);
  });

  it("never invents reactions, reply quotes or edits, and keeps the payload in raw", () => {
    const original = message(params("text", { content: "Hi" }), { extra: { kept: true } });
    const mapped = mapMessage(original, "1");
    expect(mapped.reactions).toEqual([]);
    expect(mapped.replyTo).toBeNull();
    expect(mapped.editedAt).toBeNull();
    expect(mapped.raw).toEqual(original);
    expect(mapped.raw).toMatchObject({ extra: { kept: true } });
  });
});

describe("mapMessage: pendingText, invoices and buttons are text, never an empty bubble", () => {
  it("substitutes a pendingText's replacements, every occurrence, and shows it as is without any", () => {
    const replaced = params("pendingText", {
      content: "Hello, {{name}}! {{name}}, your order {{order}} is ready.",
      replacement: { "{{name}}": "Olena", "{{order}}": 1042 },
    });
    expect(mapMessage(message(replaced, operator), "2353").text).toBe("Hello, Olena! Olena, your order 1042 is ready.");
    for (const replacement of [[], null, undefined, "x"]) {
      const plain = params("pendingText", { content: "Hello, {{name}}!", replacement });
      expect(mapMessage(message(plain, operator), "2353").text).toBe("Hello, {{name}}!");
    }
  });

  it("shows an invoice's receipt title and description", () => {
    const invoice = params("telegramInvoice", { receipt: { title: "Order 1042", description: "2 × coffee" } });
    expect(mapMessage(message(invoice, operator), "2353").text).toBe("Order 1042\n2 × coffee");
    expect(mapMessage(message(params("telegramInvoice", { receipt: [] }), operator), "2353").text).toBeNull();
  });

  it("puts the buttons' labels under the text, and alone when there is no text", () => {
    const withButtons = {
      type: "text",
      resource: {
        parameters: { content: "Pick one" },
        buttons: [{ parameters: { text: "Yes" } }, { parameters: { text: "No" } }, { parameters: [] }, "junk"],
      },
    };
    expect(mapMessage(message(withButtons, operator), "2353").text).toBe("Pick one\n[Yes] [No]");
    const onlyButtons = { type: "text", resource: { parameters: [], buttons: [{ parameters: { text: "Start" } }] } };
    expect(mapMessage(message(onlyButtons, operator), "2353").text).toBe("[Start]");
  });
});

describe("errorMessageOf", () => {
  it("finds SmartSender's message in every error shape clients have seen", () => {
    expect(errorMessageOf({ error: { code: 401, message: "Unauthenticated" } })).toBe("Unauthenticated");
    expect(errorMessageOf({ error: "Unauthenticated" })).toBe("Unauthenticated");
    expect(errorMessageOf({ error: { message: ["page is invalid", "limitation is invalid"] } })).toBe(
      "page is invalid; limitation is invalid",
    );
    expect(errorMessageOf({ message: "Unauthenticated." })).toBe("Unauthenticated.");
    expect(errorMessageOf("<html>")).toBeNull();
    expect(errorMessageOf({ error: { code: 500 } })).toBeNull();
  });
});
