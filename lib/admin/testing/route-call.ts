import type { RouteHandler } from "@/lib/api/handler";
import { appOrigin } from "@/lib/app-origin";
import { auth } from "@/lib/auth/auth";

/** A JSON answer, loosely typed: tests read whichever fields they check. */
// biome-ignore lint/suspicious/noExplicitAny: each test reads the fields of the answer it expects
export type Answer = { status: number; body: any; text: string; cookie: string };

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");

/** Sends a request through a route handler as the inbox's own page would (same origin, JSON). */
export async function callRoute(
  handler: RouteHandler,
  method: string,
  options: { cookie?: string; body?: unknown; params?: Record<string, string>; query?: string } = {},
): Promise<Answer> {
  const headers = new Headers({ origin: appOrigin() });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (method !== "GET") headers.set("content-type", "application/json");
  const request = new Request(`${appOrigin()}/api/x${options.query ?? ""}`, {
    method,
    headers,
    body: method === "GET" ? undefined : JSON.stringify(options.body ?? {}),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: response.status, body, text, cookie: cookiesOf(response) };
}

/** Signs in through Better Auth and returns the session cookie (or the refusal's status). */
export async function signInCookie(email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  return { status: response.status, cookie: cookiesOf(response) };
}
