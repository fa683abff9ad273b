import http from "node:http";
import { expect, test } from "@playwright/test";
import { chatsOf } from "../support/inbox";
import { sandboxCalls } from "../support/sandbox";
import { appOrigin, expectErrorShape, sameOrigin, signInApi } from "./support";

test.beforeEach(async ({ request }) => {
  await signInApi(request);
});

test.describe("finding 2: cross-site request forgery", () => {
  test("a change from another site, port or content type is refused; the inbox's own JSON request passes", async ({
    request,
  }) => {
    const [chat] = await chatsOf(request, "max");
    if (!chat) throw new Error("no MAX chat");
    const path = `/api/chats/${chat.id}/unread`;
    const otherPort = `http://127.0.0.1:${Number(new URL(appOrigin()).port) + 1}`;
    // The forged request of the finding: a simple (preflight-free) cross-site POST.
    await expectErrorShape(
      await request.post(path, {
        headers: { origin: "https://evil.example", "content-type": "text/plain" },
        data: "{}",
      }),
      403,
      "FORBIDDEN",
    );
    await expectErrorShape(
      await request.post(path, { headers: { ...sameOrigin(), origin: otherPort } }),
      403,
      "FORBIDDEN",
    );
    await expectErrorShape(
      await request.post(path, { headers: { "content-type": "application/json", "sec-fetch-site": "same-site" } }),
      403,
      "FORBIDDEN",
    );
    await expectErrorShape(
      await request.post(path, { headers: { origin: appOrigin(), "content-type": "text/plain" }, data: "{}" }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    await expectErrorShape(
      await request.delete(`/api/chats/${chat.id}/participants/1`, { headers: { origin: "https://evil.example" } }),
      403,
    );
    await expectErrorShape(
      await request.patch("/api/me", {
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        data: "autoMarkRead=false",
      }),
      403,
    );
    const own = await request.post(path, { headers: sameOrigin(), data: {} });
    expect(own.status()).toBe(200);
    const sameOriginFetch = await request.post(`/api/chats/${chat.id}/read`, {
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    });
    expect(sameOriginFetch.status()).toBe(200);
  });

  test("Better Auth's endpoints get the same check: a forged sign-out does not end the session", async ({
    request,
  }) => {
    const forged = await request.post("/api/auth/sign-out", {
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      data: "{}",
    });
    expect(forged.status()).toBe(403);
    expect((await request.get("/api/me")).status()).toBe(200);
    const unused = await request.post("/api/auth/sign-up/email", {
      headers: sameOrigin(),
      data: { email: "new@example.com", password: "long-enough-password", name: "New" },
    });
    expect(unused.status()).toBe(404);
  });

  test("no GET changes anything: opening a chat asks the provider nothing, the invitation is a POST", async ({
    request,
  }) => {
    const chats = await chatsOf(request, "chatops");
    const chat = chats.at(-1);
    if (!chat) throw new Error("no chat-operations chat");
    const detail = (await (await request.get(`/api/chats/${chat.id}`)).json()) as { externalId?: string };
    const externalId = detail.externalId ?? "";
    const asked = async (since: number) =>
      (await sandboxCalls("chatops", since)).filter((call) => call.path.includes(`/${externalId}`)).length;

    const beforeGet = Date.now();
    expect((await request.get(`/api/chats/${chat.id}`)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await asked(beforeGet)).toBe(0);

    // The same check does see the refresh an agent asks for by opening the chat.
    const beforePost = Date.now();
    expect((await request.post(`/api/chats/${chat.id}/refresh`, { headers: sameOrigin() })).status()).toBe(202);
    await expect.poll(() => asked(beforePost), { timeout: 10_000 }).toBeGreaterThan(0);

    expect((await request.get(`/api/chats/${chat.id}/invitation`)).status()).toBe(405);
    const invitation = await request.post(`/api/chats/${chat.id}/invitation`, { headers: sameOrigin() });
    expect([200, 404, 422]).toContain(invitation.status());
  });
});

test.describe("finding 5: NUL and other unstorable characters", () => {
  test("are a 400 in the error shape, never a 500, wherever they arrive", async ({ request }) => {
    await expectErrorShape(await request.get("/api/chats?q=a%00b"), 400, "BAD_REQUEST");
    const [chat] = await chatsOf(request, "max");
    await expectErrorShape(
      await request.post(`/api/chats/${chat?.id}/messages`, {
        headers: sameOrigin(),
        data: { text: "a\u0000b", clientId: "6f1d4a1e-5c1b-4f7a-9a52-0d5c1b2e3f40" },
      }),
      400,
      "BAD_REQUEST",
    );
    // A lone surrogate cannot be encoded as UTF-8 for the database either.
    await expectErrorShape(
      await request.post(`/api/chats/${chat?.id}/messages`, {
        headers: sameOrigin(),
        data: '{"text":"half \\ud800 a pair","clientId":"6f1d4a1e-5c1b-4f7a-9a52-0d5c1b2e3f41"}',
      }),
      400,
    );
    await expectErrorShape(
      await request.post("/api/lookup/link", { headers: sameOrigin(), data: { link: "https://t.me/a\u0000b" } }),
      400,
    );
    await expectErrorShape(
      await request.post("/api/lookup/phone", {
        headers: sameOrigin(),
        data: { phone: "+7 900 000-00-00", name: "Nul\u0000Name", source: 0 },
      }),
      400,
    );
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

/** Sends a POST whose headers promise `declaredBytes` and then trickles data; resolves with the status. */
function trickle(path: string, declaredBytes: number): Promise<{ status: number; body: string; ms: number }> {
  const url = new URL(path, appOrigin());
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { ...sameOrigin(), "content-length": String(declaredBytes) },
    });
    const timer = setInterval(() => request.write(`${" ".repeat(1024)}`), 50);
    request.on("response", (response) => {
      clearInterval(timer);
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, ms: Date.now() - started });
      });
    });
    request.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    request.write("{");
  });
}

test.describe("finding 6: request body size", () => {
  test("a body over 1 MB is a 413 in the error shape, refused before it is read whole", async ({ request }) => {
    const twoMegabytes = JSON.stringify({ email: "x@example.com", password: "p".repeat(2 * 1024 * 1024) });
    await expectErrorShape(
      await request.post("/api/auth/sign-in/email", { headers: sameOrigin(), data: twoMegabytes }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await expectErrorShape(
      await request.patch("/api/me", {
        headers: sameOrigin(),
        data: JSON.stringify({ locale: "x".repeat(1_100_000) }),
      }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    // A client that claims 300 MB and sends slowly gets its answer at once, not after 300 MB.
    const claimed = await trickle("/api/auth/sign-in/email", 300 * 1024 * 1024);
    expect(claimed.status).toBe(413);
    expect(JSON.parse(claimed.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(claimed.ms).toBeLessThan(5_000);
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});
