/**
 * Where to go after signing in: a path inside the app, never another site. The value is parsed
 * the way a browser will parse it (tabs and newlines dropped, backslashes read as slashes) and
 * kept only when the result has the app's own origin; `/%09/evil.example` becomes
 * `//evil.example` that way, and goes home instead.
 */
export function safeNextPath(value: unknown, origin: string): string {
  // A repeated `?next=` arrives as an array.
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return "/";
  }
  if (target.origin !== new URL(origin).origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
