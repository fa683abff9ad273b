import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Addresses an alert webhook may not reach in production: loopback, private, carrier-grade NAT,
 * link-local (cloud metadata), unspecified, multicast and reserved ranges, IPv4 and IPv6.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, "ipv4");
}
INTERNAL.addAddress("::", "ipv6");
INTERNAL.addAddress("::1", "ipv6");
INTERNAL.addSubnet("::ffff:0:0", 96, "ipv6");
INTERNAL.addSubnet("64:ff9b::", 96, "ipv6");
INTERNAL.addSubnet("fc00::", 7, "ipv6");
INTERNAL.addSubnet("fe80::", 10, "ipv6");
INTERNAL.addSubnet("ff00::", 8, "ipv6");

export class BlockedAddressError extends Error {
  constructor(host: string) {
    super(`The webhook's host ${host} resolves to an internal address; alert webhooks only go to public addresses`);
    this.name = "BlockedAddressError";
  }
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Checked right before each POST (not only when the admin saves the URL): every address the host
 * resolves to must be public, so a name later pointed at an internal host is refused too. Tests,
 * which may only reach loopback, turn the check off.
 */
export async function assertPublicDestination(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) throw new BlockedAddressError(host);
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0 || addresses.some((entry) => isInternalAddress(entry.address))) {
    throw new BlockedAddressError(host);
  }
}
