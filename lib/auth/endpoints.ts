import { auth } from "@/lib/auth/auth";
import { forgetVerifiedSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The Better Auth endpoints the inbox uses; the library's others (sign-up, password reset by
 * email, account linking, …) are not reachable. A new staff feature that needs one adds it here.
 */
const ENDPOINTS = new Set(["GET /get-session", "POST /sign-in/email", "POST /sign-out"]);

const PREFIX = "/api/auth";

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
  if (endpoint === "POST /sign-out") forgetVerifiedSession(request.headers);
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return auth().handler(
    new Request(request.url, {
      method: request.method,
      headers,
      body: body === undefined || request.method === "GET" ? undefined : JSON.stringify(body),
    }),
  );
}
