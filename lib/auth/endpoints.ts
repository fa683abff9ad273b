import { recordAudit } from "@/lib/audit/record";
import { auth } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { forgetVerifiedSession } from "@/lib/auth/session";
import { countSignInAttempt, forgiveSignIn, signInKeys } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The Better Auth endpoints the inbox uses; the library's others (sign-up, password reset by
 * email, account linking, …) are not reachable. A new staff feature that needs one adds it here.
 */
const ENDPOINTS = new Set(["GET /get-session", "POST /sign-in/email", "POST /sign-out"]);

const PREFIX = "/api/auth";

function emailOf(body: unknown): string {
  return typeof body === "object" && body && "email" in body && typeof body.email === "string" ? body.email : "";
}

/** Better Auth answers failures as `{ code, message }`; the API's one error shape is `{ error: { code, message } }`. */
async function inErrorShape(response: Response): Promise<Response> {
  if (response.ok || !response.headers.get("content-type")?.includes("application/json")) return response;
  const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const error = {
    code: typeof body?.code === "string" ? body.code : "AUTH_FAILED",
    message: typeof body?.message === "string" ? body.message : response.statusText || "Sign-in failed",
  };
  return new Response(JSON.stringify({ error }), { status: response.status, headers });
}

async function forward(request: Request, body: unknown): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  const response = await auth().handler(
    new Request(request.url, {
      method: request.method,
      headers,
      body: body === undefined || request.method === "GET" ? undefined : JSON.stringify(body),
    }),
  );
  return inErrorShape(response);
}

/** Failed sign-ins go to the audit log with the address tried (never the password). */
async function recordFailedSignIn(email: string): Promise<void> {
  const normalized = email.trim().toLowerCase().slice(0, 254);
  const user = normalized ? await db().user.findUnique({ where: { email: normalized }, select: { id: true } }) : null;
  await recordAudit(db(), { userId: user?.id ?? null, action: "auth.sign_in_failed", details: { email: normalized } });
}

/** Every attempt is counted before the password is checked; a locked account or address gets 429 with Retry-After. */
async function signIn(request: Request, body: unknown): Promise<Response> {
  const keys = signInKeys(clientAddress(request.headers), emailOf(body));
  const attempt = await countSignInAttempt(db(), keys);
  if (!attempt.allowed) {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
      { retryAfterSeconds: attempt.retryAfterSeconds },
    );
  }
  const response = await forward(request, body);
  if (response.ok) await forgiveSignIn(db(), keys);
  else if (response.status === 401 || response.status === 403) await recordFailedSignIn(emailOf(body));
  return response;
}

/**
 * Hands a request that passed the route wrapper (origin, JSON, size) to Better Auth, with the
 * body the wrapper already read and checked.
 */
export async function authEndpoint(request: Request, body: unknown): Promise<Response> {
  const { pathname } = new URL(request.url);
  const endpoint = `${request.method.toUpperCase()} ${pathname.slice(PREFIX.length)}`;
  if (!pathname.startsWith(`${PREFIX}/`) || !ENDPOINTS.has(endpoint)) {
    throw new AppError("NOT_FOUND", "No such sign-in endpoint");
  }
  if (endpoint === "POST /sign-in/email") return signIn(request, body);
  if (endpoint === "POST /sign-out") forgetVerifiedSession(request.headers);
  return forward(request, body);
}
