/**
 * MAX shapes that real answers carry and the documents allow (docs/providers/max.md, "shapes
 * that must not fail a batch"), and random mutations of the fixtures: every item maps or is
 * skipped, nothing escapes it, and a bad update never hides the good ones around it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eachItem } from "@/lib/providers/items";
import messagesPage from "@/lib/providers/max/fixtures/messages.json";
import updatesPage from "@/lib/providers/max/fixtures/updates.json";
import { mapMessage, mapUpdate } from "@/lib/providers/max/mapper";
import { messageSchema, updateSchema } from "@/lib/providers/max/schemas";
import { mutate } from "@/lib/providers/testing/mutate";

const BOT_ID = 590001;
const [sample] = messagesPage.messages;
const context = { chatExternalId: "-1", botUserId: BOT_ID };
const readMessages = (raws: unknown[]) =>
  eachItem("messages", messageSchema, raws, (message) => mapMessage(message, context));

describe("MAX documented variants", () => {
  it("accepts a video thumbnail as a string, an object or null", () => {
    for (const thumbnail of ["https://i.example/t.jpg", { url: "https://i.example/t.jpg" }, null]) {
      const video = { type: "video", payload: { url: "https://v.example/v.mp4", token: "t" }, thumbnail };
      const message = { ...sample, body: { mid: "mid.v", seq: 1, text: null, attachments: [video] } };
      const { items, skipped } = readMessages([message]);
      expect(skipped).toEqual([]);
      expect(items[0]?.attachments[0]?.kind).toBe("video");
    }
  });

  it("keys a forward-only message (body: null) the same way every time and shows the forwarded text", () => {
    const forward = {
      ...sample,
      body: null,
      link: { type: "forward", sender: { user_id: 7, first_name: "Olena" }, message: { mid: "mid.f", text: "Hi" } },
    };
    const first = readMessages([forward]).items[0];
    expect(first).toMatchObject({ text: "↪ Olena: Hi" });
    expect(first?.externalId).toBe(readMessages([structuredClone(forward)]).items[0]?.externalId);
  });

  it("takes an unknown chat_type and an unknown chat type as a group-like chat", () => {
    const message = { ...sample, recipient: { ...sample?.recipient, chat_type: "supergroup" } };
    expect(readMessages([message]).skipped).toEqual([]);
  });

  it("skips a bad update in the middle of a batch, naming its path, and keeps the others", () => {
    const updates = [...updatesPage.updates];
    updates.splice(1, 0, { update_type: "message_created", timestamp: 1, message: { body: { mid: 5 } } } as never);
    const result = eachItem("updates", updateSchema, updates, (update) => mapUpdate(update, BOT_ID));
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.path).toMatch(/^updates\[1\]/);
    expect(result.items.length).toBeGreaterThan(0);
  });
});

describe("MAX mappers under random mutations of the samples", () => {
  it("never let a throw escape an item", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (choices) => {
        const messages = messagesPage.messages.map((message) => mutate(message, choices));
        const updates = updatesPage.updates.map((update) => mutate(update, choices));
        const read = readMessages(messages);
        const polled = eachItem("updates", updateSchema, updates, (update) => mapUpdate(update, BOT_ID));
        expect(read.items.length + read.skipped.length).toBe(messages.length);
        expect(polled.skipped.length).toBeLessThanOrEqual(updates.length);
      }),
      { numRuns: 300 },
    );
  });
});
