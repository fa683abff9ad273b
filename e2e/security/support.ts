import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";
import { credentials } from "../support/auth";

/** The server under test, as its own pages' Origin. */
export const appOrigin = () => new URL(process.env.E2E_BASE_URL ?? "").origin;

/** What the inbox's own pages send with every change. */
export const sameOrigin = () => ({ origin: appOrigin(), "content-type": "application/json" });

/** Signs the request context in through the API, as the login form does. */
export async function signInApi(request: APIRequestContext, who = credentials()): Promise<void> {
  const response = await request.post("/api/auth/sign-in/email", {
    headers: sameOrigin(),
    data: { email: who.email, password: who.password },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** The project's error shape: `{ error: { code, message, details? } }`. */
export async function expectErrorShape(response: APIResponse, status: number, code?: string) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code).toBe("string");
  expect(typeof body.error?.message).toBe("string");
  if (code) expect(body.error?.code).toBe(code);
}
