import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { appOrigin } from "@/lib/app-origin";
import { env } from "@/lib/env";
import { PAGE_SEARCH_HEADER } from "@/lib/queries/chat-filters";

/**
 * The pages' Content-Security-Policy, with a fresh nonce per response: Next.js reads the nonce
 * from this request header and puts it on its own scripts, so no inline script without it runs
 * (provider texts and titles are rendered as text by React; this is the second wall). Pictures and
 * files come only from the inbox itself (app/api/media), never from a provider's or customer's host.
 */
function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env().NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
    // React sets style attributes (sizes of thumbnails); no script can come of them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function withPageHeaders(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("content-security-policy", policy);
  // Browsers remember to use https for a year, so a network attacker cannot downgrade a later visit.
  if (https) response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

/**
 * Every page: the nonce-based CSP and HSTS (when served over https), and a fast first gate for
 * signed-out visitors, who go to /login (the cookie is verified for real by the inbox layout). APIs
 * are not matched: each route checks the session itself (lib/api/handler.ts) and answers 401,
 * and skipping the proxy spares every API call its cost.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = appOrigin().startsWith("https:");
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, https);
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  forwarded.set("x-nonce", nonce);
  const isLogin = pathname === "/login" || pathname.startsWith("/login/");
  // A one-time invitation or reset link is opened signed out: the link itself is the credential.
  const isSetPassword = pathname.startsWith("/set-password/");
  if (isLogin || isSetPassword || getSessionCookie(request)) {
    // Layouts do not see the query string; the inbox layout reads the list's filters from this.
    forwarded.set(PAGE_SEARCH_HEADER, search);
    return withPageHeaders(NextResponse.next({ request: { headers: forwarded } }), policy, https);
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return withPageHeaders(NextResponse.redirect(login), policy, https);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
