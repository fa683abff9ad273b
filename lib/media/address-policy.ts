import { BlockList, isIP } from "node:net";

/**
 * Addresses a provider-supplied URL may never make the inbox server connect to: loopback, private
 * networks, link-local (and so the cloud metadata service at 169.254.169.254 / fd00:ec2::254),
 * shared and reserved ranges. A URL naming a public host that resolves into one of these is
 * refused as well, since the check is made on the resolved address.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT (shared)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (includes fd00:ec2::254)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  for (const prefix of ["::ffff:", "64:ff9b::", "::"]) {
    if (lower.startsWith(prefix) && isIP(lower.slice(prefix.length)) === 4) return lower.slice(prefix.length);
  }
  const words = expandIpv6(lower);
  if (!words) return null;
  const fromWords = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  // ::ffff:a.b.c.d written in hex words, NAT64 64:ff9b::/96, 6to4 2002:AABB:CCDD::/16.
  if (words.slice(0, 5).every((word) => word === 0) && words[5] === 0xffff)
    return fromWords(words[6] ?? 0, words[7] ?? 0);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((word) => word === 0)) {
    return fromWords(words[6] ?? 0, words[7] ?? 0);
  }
  if (words[0] === 0x2002) return fromWords(words[1] ?? 0, words[2] ?? 0);
  return null;
}

function expandIpv6(address: string): number[] | null {
  if (isIP(address) !== 6 || address.includes(".")) return null;
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  const words = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
  return words.length === 8 ? words.map((word) => Number.parseInt(word, 16)) : null;
}

/** True for an address on the public internet, the only kind provider media may be fetched from. */
export function isPublicAddress(raw: string): boolean {
  const address = raw.replace(/^\[|\]$/g, "");
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(address, "ipv4");
  const inner = embeddedIpv4(address);
  if (inner !== null && blocked.check(inner, "ipv4")) return false;
  return !blocked.check(address, "ipv6");
}
