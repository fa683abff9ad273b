import { describe, expect, it } from "vitest";
import { threadRows } from "@/components/thread/thread-rows";
import type { MessageView } from "@/lib/messages/list-messages";

const message = (id: number, createdAt: string, changes: Partial<MessageView> = {}): MessageView => ({
  id,
  externalId: String(id),
  direction: "inbound",
  systemEvent: null,
  authorName: "Анна",
  text: `text ${id}`,
  createdAt,
  editedAt: null,
  deletedAt: null,
  replyTo: null,
  deliveryState: null,
  deliveryError: null,
  clientId: null,
  sentById: null,
  reactions: [],
  attachments: [],
  ...changes,
});

const utcDay = (iso: string) => iso.slice(0, 10);
const shape = (rows: ReturnType<typeof threadRows>) =>
  rows.flatMap((row) => [...(row.day ? [`day:${row.day.key}`] : []), `${row.key}${row.showAuthor ? "+author" : ""}`]);

describe("threadRows", () => {
  it("gives the first message of each day its day separator", () => {
    const rows = threadRows(
      [
        message(1, "2026-11-20T10:00:00.000Z"),
        message(2, "2026-11-20T23:59:00.000Z"),
        message(3, "2026-11-21T00:01:00.000Z"),
      ],
      utcDay,
    );
    expect(shape(rows)).toEqual(["day:2026-11-20", "m:1+author", "m:2+author", "day:2026-11-21", "m:3+author"]);
  });

  it("shows the author once for a quick run of messages from the same person", () => {
    const rows = threadRows(
      [
        message(1, "2026-11-21T10:00:00.000Z"),
        message(2, "2026-11-21T10:01:00.000Z"),
        message(3, "2026-11-21T10:02:00.000Z", { direction: "outbound", authorName: "Agent" }),
        message(4, "2026-11-21T10:20:00.000Z", { direction: "outbound", authorName: "Agent" }),
        message(5, "2026-11-21T10:21:00.000Z", { direction: "system", authorName: null }),
      ],
      utcDay,
    );
    expect(shape(rows)).toEqual(["day:2026-11-21", "m:1+author", "m:2", "m:3+author", "m:4+author", "m:5+author"]);
  });

  it("keys a message sent from the inbox by its clientId, so confirming it does not remount the row", () => {
    const clientId = "5b1c9c0e-0f9e-4a59-9c6e-6a1f0b1d2c3e";
    const [pending] = threadRows([message(-1, "2026-11-21T10:00:00.000Z", { clientId })], utcDay);
    const [confirmed] = threadRows([message(42, "2026-11-21T10:00:00.000Z", { clientId })], utcDay);
    expect(pending?.key).toBe(confirmed?.key);
  });
});
