/**
 * The media route's service on real parts: attachments stored in Postgres, files served by real
 * HTTP listeners on loopback standing in for a provider (the connection's own origin) and for
 * hosts a provider-supplied URL must never reach.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isPublicAddress } from "@/lib/media/address-policy";
import { serveAttachment, serveChatAvatar } from "@/lib/media/serve-media";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

type Listener = { url: string; requests: http.IncomingHttpHeaders[]; close: () => Promise<void> };

async function listen(
  handle: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): Promise<Listener> {
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.headers);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let database: TestDatabase;
/** The connection's own provider (like the sandboxes: on 127.0.0.1). */
let provider: Listener;
/** Something on the agent's or server's network that provider data must not reach. */
let internal: Listener;
let connectionId: string;
let chatId: number;
let messageId: number;

const PNG = Buffer.from("89504e470d0a1a0a", "hex");

async function attachment(url: string | null, fields: { mimeType?: string; fileName?: string } = {}): Promise<number> {
  const row = await database.prisma.attachment.create({
    data: { messageId, kind: "image", url, mimeType: fields.mimeType ?? null, fileName: fields.fileName ?? null },
  });
  return row.id;
}

async function refusal(promise: Promise<Response>): Promise<string> {
  try {
    const response = await promise;
    await response.body?.cancel();
    return `served ${response.status}`;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  internal = await listen((_request, response) => response.writeHead(200, { "content-type": "image/png" }).end(PNG));
  provider = await listen((request, response) => {
    const path = request.url ?? "/";
    if (path === "/photo.png") return response.writeHead(200, { "content-type": "image/png" }).end(PNG);
    if (path === "/page.html")
      return response.writeHead(200, { "content-type": "text/html" }).end("<script>1</script>");
    if (path === "/to-internal") return response.writeHead(302, { location: `${internal.url}/secret.png` }).end();
    if (path === "/to-metadata") return response.writeHead(302, { location: "http://169.254.169.254/latest/" }).end();
    if (path === "/huge") {
      response.writeHead(200, { "content-type": "video/mp4" });
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 40 && response.write(chunk)) sent += 1;
        if (sent < 40) response.once("drain", more);
        else response.end();
      };
      return more();
    }
    if (path === "/slow") return; // never answers
    response.writeHead(404).end();
  });
  const connection = await database.prisma.connection.create({
    data: { slug: "test:media", kind: "max", displayName: "MAX", baseUrl: `${provider.url}/api` },
  });
  connectionId = connection.id;
  const chat = await database.prisma.chat.create({
    data: { connectionId, externalId: "c1", title: "Chat", avatarUrl: `${internal.url}/avatar.png` },
  });
  chatId = chat.id;
  const message = await database.prisma.message.create({
    data: { chatId, externalId: "m1", direction: "inbound", createdAt: new Date() },
  });
  messageId = message.id;
});

afterAll(async () => {
  await provider.close();
  await internal.close();
  await database.drop();
});

describe("the media policy", () => {
  it("serves a file from the connection's own provider, with no cookies or credentials sent", async () => {
    const response = await serveAttachment(database.prisma, await attachment(`${provider.url}/photo.png`), null);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    const sent = provider.requests.at(-1) ?? {};
    expect(sent.cookie).toBeUndefined();
    expect(sent.authorization).toBeUndefined();
  });

  it("refuses loopback, private, link-local and metadata addresses, by literal, by name and on redirects", async () => {
    const before = internal.requests.length;
    for (const url of [
      `${internal.url}/direct.png`, // 127.0.0.1, another port than the provider's
      `http://localhost:${new URL(internal.url).port}/by-name.png`, // resolves to loopback
      `http://[::1]:${new URL(internal.url).port}/v6.png`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/x.png",
      `${provider.url}/to-internal`, // the provider redirects inward
      `${provider.url}/to-metadata`,
    ]) {
      expect(await refusal(serveAttachment(database.prisma, await attachment(url), null)), url).toBe("FORBIDDEN");
    }
    expect(await refusal(serveChatAvatar(database.prisma, chatId))).toBe("FORBIDDEN");
    expect(internal.requests.length).toBe(before);
  });

  it("refuses other schemes and credentials in the address, and names nothing for a missing file", async () => {
    expect(await refusal(serveAttachment(database.prisma, await attachment("file:///etc/passwd"), null))).toBe(
      "FORBIDDEN",
    );
    expect(
      await refusal(
        serveAttachment(
          database.prisma,
          await attachment(`http://user:pw@${new URL(provider.url).host}/photo.png`),
          null,
        ),
      ),
    ).toBe("FORBIDDEN");
    expect(await refusal(serveAttachment(database.prisma, await attachment(null), null))).toBe("NOT_FOUND");
    expect(await refusal(serveAttachment(database.prisma, 2_000_000_000, null))).toBe("NOT_FOUND");
  });

  it("sends anything but pictures, sound and video as a download, never as a page of the inbox", async () => {
    const response = await serveAttachment(
      database.prisma,
      await attachment(`${provider.url}/page.html`, { fileName: "notes.html" }),
      null,
    );
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="notes.html"/);
    await response.body?.cancel();
  });

  it("stops at the size limit and the time limit", async () => {
    const huge = await serveAttachment(database.prisma, await attachment(`${provider.url}/huge`), null);
    await expect(huge.arrayBuffer()).rejects.toThrow();
    const started = Date.now();
    const { fetchMedia } = await import("@/lib/media/fetch-media");
    await expect(
      fetchMedia(`${provider.url}/slow`, { providerOrigin: provider.url, timeoutMs: 500 }),
    ).rejects.toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("knows public addresses from every kind of internal one", () => {
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "1.1.1.1"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a00:1",
      "2002:a00:1::",
      "not an address",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
