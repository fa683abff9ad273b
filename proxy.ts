import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { PAGE_SEARCH_HEADER } from "@/lib/queries/chat-filters";

/**
 * A fast first gate on the session cookie's presence: pages send signed-out visitors to
 * /login, APIs answer 401. The cookie is verified for real by the inbox layout and by every
 * API handler (lib/api/handler.ts); this only spares them obviously anonymous requests.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getSessionCookie(request)) {
    if (pathname.startsWith("/api/")) return NextResponse.next();
    // Layouts do not see the query string; the inbox layout reads the list's filters from this.
    const forwarded = new Headers(request.headers);
    forwarded.set(PAGE_SEARCH_HEADER, search);
    return NextResponse.next({ request: { headers: forwarded } });
  }
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "UNAUTHORIZED", message: "Sign in to continue" } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
