import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "@/lib/media/address-policy";

export class BlockedAddressError extends Error {
  constructor(host: string) {
    super(`The webhook's host ${host} resolves to an internal address; alert webhooks only go to public addresses`);
    this.name = "BlockedAddressError";
  }
}

/** Anything but an address on the public internet (the media policy's one definition). */
export function isInternalAddress(address: string): boolean {
  return !isPublicAddress(address);
}

const isLocalName = (host: string) => host === "localhost" || host.endsWith(".localhost");

/** Resolves like the system does, refusing a name when any of its addresses is internal. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as LookupAddress[];
    const first = list[0];
    if (!first || isLocalName(hostname) || list.some((entry) => isInternalAddress(entry.address))) {
      return callback(new BlockedAddressError(hostname) as NodeJS.ErrnoException, "", 0);
    }
    if (options.all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, list);
    return callback(null, first.address, first.family);
  });
};

/**
 * POSTs a body and resolves with the answer's status (redirects are not followed). With
 * `publicOnly` (production), the addresses are checked in the connection's own DNS lookup, the
 * one the socket then uses, so a name cannot resolve to a public address for a check and to an
 * internal one for the request. Tests, which may only reach loopback, turn it off.
 */
export function postJson(
  url: URL,
  options: { headers: Record<string, string>; body: string; timeoutMs: number; publicOnly: boolean },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (options.publicOnly && (isLocalName(host) || (isIP(host) !== 0 && isInternalAddress(host)))) {
      reject(new BlockedAddressError(host));
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
        lookup: options.publicOnly ? publicLookup : undefined,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
