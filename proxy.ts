import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { PAGE_SEARCH_HEADER } from "@/lib/queries/chat-filters";

/**
 * A fast first gate for pages: signed-out visitors go to /login. The cookie is verified for real
 * by the inbox layout. APIs are not matched: each handler verifies the session itself
 * (lib/api/handler.ts) and answers 401, and skipping the proxy spares every API call its cost.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (getSessionCookie(request)) {
    // Layouts do not see the query string; the inbox layout reads the list's filters from this.
    const forwarded = new Headers(request.headers);
    forwarded.set(PAGE_SEARCH_HEADER, search);
    return NextResponse.next({ request: { headers: forwarded } });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!login|api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
