/**
 * An agent's file, from upload to the provider: kept in Postgres, queued like text, downloaded by
 * the SmartSender sandbox from our signed link over real HTTP, and refused before it is stored
 * where the provider would refuse it.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ingestMessages } from "@/lib/ingest/ingest";
import { serveAttachment } from "@/lib/media/serve-media";
import { sendMessage } from "@/lib/messages/send-message";
import { SETTLING, SMARTSENDER_SEND_PATH, smartSenderOutboxPerTest, writableChats } from "@/lib/outbox/testing/fixture";
import { fileIdOfLink, fileIdOfToken, fileLinkFor } from "@/lib/outgoing-files/file-link";
import { serveFileLink } from "@/lib/outgoing-files/serve-file";
import { storeUpload } from "@/lib/outgoing-files/store-upload";
import { providerForConnection, requireCapability } from "@/lib/providers/for-connection";
import { NO_FAULTS } from "@/sandbox/core/faults";

// Our side of the download: the route's handler behind a real HTTP server, which APP_URL names.
const files = http.createServer((request, response) => {
  const token = request.url?.replace(/^\/api\/files\//, "") ?? "";
  serveFileLink(outbox.current.prisma, token)
    .then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })
    .catch(() => response.writeHead(404).end());
});
await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
process.env.APP_URL = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => files.close(() => resolve())));

const outbox = smartSenderOutboxPerTest(6);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

function writableChat() {
  const [chat] = writableChats(outbox.current);
  if (!chat) throw new Error("The sandbox has no chat with a subscribed contact");
  return chat;
}

const upload = (chatId: number, name: string, contentType: string, bytes: Uint8Array, userId = outbox.current.userId) =>
  storeUpload(outbox.current.prisma, { chatId, userId, name, contentType, bytes });

const sendFiles = (chatId: number, fileIds: string[], text = "") =>
  sendMessage(outbox.current.prisma, {
    chatId,
    user: { id: outbox.current.userId, name: "Agent" },
    request: { text, fileIds, clientId: randomUUID() },
  });

async function downloadedBySandbox(): Promise<Array<{ url: string; contentType: string | null; bytes: number }>> {
  return (await fetch(`${outbox.current.fake.url}/__sandbox/downloaded-media`)).json();
}

describe("files in replies", () => {
  it("sends a picture through the outbox: the provider downloads it from our signed link, and the thread shows it", async () => {
    const chat = writableChat();
    const stored = await upload(chat.id, "receipt.png", "image/png", PNG);
    expect(stored).toMatchObject({ fileName: "receipt.png", mimeType: "image/png", kind: "image", size: PNG.length });
    const { messageId } = await sendFiles(chat.id, [stored.id]);
    const [attachment] = await outbox.current.prisma.attachment.findMany({ where: { messageId } });
    expect(attachment).toMatchObject({ kind: "image", fileName: "receipt.png", size: BigInt(PNG.length) });

    outbox.current.startWorker();
    await vi.waitFor(async () => {
      const row = await outbox.current.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(row.deliveryState).not.toBe("pending");
      expect(row.deliveryError).toBeNull();
    }, SETTLING);
    const [call] = outbox.current.answered("POST", SMARTSENDER_SEND_PATH);
    const body = call?.body as { type: string; media: string };
    expect(body.type).toBe("picture");
    expect(body.media.startsWith(`${process.env.APP_URL}/api/files/`)).toBe(true);
    expect(await downloadedBySandbox()).toEqual([{ url: body.media, contentType: "image/png", bytes: PNG.length }]);

    // The provider's copy (a URL alone) took the row's place and kept what we knew of the file.
    const [adopted] = await outbox.current.prisma.attachment.findMany({ where: { messageId } });
    expect(adopted).toMatchObject({ kind: "image", url: body.media });
    expect(adopted).toMatchObject({ fileName: "receipt.png", mimeType: "image/png", size: BigInt(PNG.length) });
    // The sync reading the provider's copy again, twice, changes nothing (no name taken from the link).
    const provider = await providerForConnection(outbox.current.prisma, outbox.current.connectionId);
    const newest = await requireCapability(provider, "listMessages")(chat.externalId, null);
    await ingestMessages(outbox.current.prisma, chat.id, newest.items);
    expect(await ingestMessages(outbox.current.prisma, chat.id, newest.items)).toEqual([]);
    expect(await outbox.current.prisma.attachment.findMany({ where: { messageId } })).toEqual([adopted]);
    // The agent's own copy comes from the database, whatever the provider later says its URL is.
    const shown = await serveAttachment(outbox.current.prisma, adopted?.id ?? 0, null);
    expect(shown.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG);
  });

  it("keeps a file queued while the provider is down and sends it once when it is back", async () => {
    const chat = writableChat();
    const stored = await upload(chat.id, "contract.pdf", "application/pdf", Buffer.from("%PDF-1.4 a contract"));
    outbox.current.fake.setFaults({ forceStatus: 503 });
    outbox.current.startWorker();
    const { messageId } = await sendFiles(chat.id, [stored.id]);
    await vi.waitFor(
      () =>
        expect(outbox.current.fake.calls.filter((c) => SMARTSENDER_SEND_PATH.test(c.path)).length).toBeGreaterThan(1),
      SETTLING,
    );
    const waiting = await outbox.current.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(waiting.deliveryState).toBe("pending");

    outbox.current.fake.setFaults(NO_FAULTS);
    await vi.waitFor(async () => {
      const row = await outbox.current.prisma.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(row.deliveryState).not.toBe("pending");
    }, SETTLING);
    const sends = outbox.current.answered("POST", SMARTSENDER_SEND_PATH);
    expect(sends).toHaveLength(1);
    expect(sends[0]?.body).toMatchObject({ type: "file" });
    expect((await downloadedBySandbox()).map((download) => download.bytes)).toEqual([19]);
    // Each attempt had a new link; the thread's copy follows the one that went out, so it keeps its name.
    const [shown] = await outbox.current.prisma.attachment.findMany({ where: { messageId } });
    expect(shown).toMatchObject({
      url: (sends[0]?.body as { media?: string } | undefined)?.media,
      fileName: "contract.pdf",
    });
  });

  it("refuses what SmartSender would refuse before anything is stored or sent", async () => {
    const chat = writableChat();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    await expect(upload(chat.id, "huge.png", "image/png", big)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(upload(chat.id, "empty.txt", "text/plain", new Uint8Array(0))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(upload(chat.id, "../etc/passwd", "text/plain", PNG)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await outbox.current.prisma.outgoingFile.count()).toBe(0);

    const stored = await upload(chat.id, "photo.png", "image/png", PNG);
    // SmartSender's file messages carry no text; one file per message.
    await expect(sendFiles(chat.id, [stored.id], "Here it is")).rejects.toMatchObject({ code: "UNSUPPORTED" });
    const second = await upload(chat.id, "second.png", "image/png", PNG);
    await expect(sendFiles(chat.id, [stored.id, second.id])).rejects.toMatchObject({ code: "UNSUPPORTED" });
    // Another chat's upload, or one already sent, is not this reply's.
    const other = writableChats(outbox.current)[1];
    if (other) await expect(sendFiles(other.id, [stored.id])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await sendFiles(chat.id, [stored.id]);
    await expect(sendFiles(chat.id, [stored.id])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await outbox.current.prisma.message.count({ where: { direction: "outbound", clientId: { not: null } } }),
    ).toBe(1);
  });

  it("opens a download link only with its own signature and only for a day", async () => {
    const id = randomUUID();
    const link = fileLinkFor(id, Date.now());
    const token = link.split("/api/files/")[1] ?? "";
    expect(fileIdOfToken(token, { anyAge: false })).toBe(id);
    expect(fileIdOfLink(link)).toBe(id);
    const forged = token.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    expect(fileIdOfToken(forged, { anyAge: false })).toBeNull();
    const otherFile = token.replace(id, randomUUID());
    expect(fileIdOfToken(otherFile, { anyAge: false })).toBeNull();
    const old = fileLinkFor(id, Date.now() - 25 * 60 * 60 * 1000).split("/api/files/")[1] ?? "";
    expect(fileIdOfToken(old, { anyAge: false })).toBeNull();
    // The agent still sees a file sent long ago: the thread's link is checked without its age.
    expect(fileIdOfToken(old, { anyAge: true })).toBe(id);
    await expect(serveFileLink(outbox.current.prisma, old)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
