import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * The address of the client a request came from, as decided by the HTTP server from the socket
 * (and, behind TRUSTED_PROXIES, X-Forwarded-For). The server sets it on every request after
 * removing whatever the client sent under that name, so routes can trust it.
 */
export const CLIENT_ADDRESS_HEADER = "x-inbox-client-address";

export type TrustedProxies = { check: (address: string) => boolean };

/** `10.0.0.0/8, 192.168.1.7, ::1` → a matcher; empty or unset → nothing is trusted. */
export function trustedProxies(spec: string | undefined): TrustedProxies | null {
  const entries = (spec ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return { check: (address) => list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4") };
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; `[::1]:80` or `1.2.3.4:80` → the address; anything else → null. */
export function normalizeAddress(raw: string | undefined): string | null {
  let value = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] ?? "";
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) === 0 ? null : value.toLowerCase();
}

/**
 * The client behind a request: the socket's peer, unless that peer is a trusted proxy; then
 * X-Forwarded-For is walked from the right (each proxy appends the address it saw) past every
 * trusted proxy, and the first address not trusted is the client. Entries to the left of it
 * were written by the client itself and are never believed.
 */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies | null,
): string {
  let address = normalizeAddress(peer) ?? "unknown";
  if (address === "unknown" || !trusted?.check(address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index]);
    // A garbled entry: the last proxy that vouched for something is as far as we can see.
    if (hop === null) return address;
    address = hop;
    if (!trusted.check(hop)) return hop;
  }
  return address;
}

/** Called by the HTTP server for every request, before Next.js sees it. */
export function exposeClientAddress(request: IncomingMessage, trusted: TrustedProxies | null): void {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    trusted,
  );
}

/** The client address the server recorded on this request ("unknown" outside the inbox's own server). */
export function clientAddress(headers: Headers): string {
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER) ?? undefined) ?? "unknown";
}
