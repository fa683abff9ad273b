/**
 * SmartSender error bodies `{"error": {"code", "message"}}` (docs/providers/smartsender.md
 * "Errors"), even under a 2xx status: the code says what failed. A real loopback HTTP server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isProviderError } from "@/lib/providers/errors";
import { createSmartSenderClient } from "@/lib/providers/smartsender/client";

const answers: Record<string, unknown> = {
  "/v1/chats/1": { error: { code: "404", message: "Chat not found." } },
  "/v1/chats/2": { error: { code: 403, message: "Forbidden" } },
  "/v1/chats/3": { error: { code: 500, message: "Oops" } },
  "/v1/chats/4": { error: { message: "Something else" } },
};
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answers[req.url ?? ""] ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it.each([
  ["1", "not_found"],
  ["2", "unauthorized"],
  ["3", "server"],
  ["4", "bad_request"],
])("an error body with code for chat %s is a %s error, whatever the status", async (chatId, kind) => {
  const client = createSmartSenderClient({ baseUrl, token: `error-code-${chatId}` });
  const failure = await client.getChat(chatId).then(
    () => null,
    (error: unknown) => error,
  );
  expect(isProviderError(failure) && failure.kind).toBe(kind);
});
