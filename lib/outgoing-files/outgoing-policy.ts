import { isIP } from "node:net";
import { appOrigin } from "@/lib/app-origin";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isPublicAddress } from "@/lib/media/address-policy";
import { providerInfo } from "@/lib/providers/catalog.types";
import type { OutgoingFilesPolicy, OutgoingFilesSupport } from "@/lib/providers/outgoing-files.types";
import type { ProviderKind } from "@/lib/providers/types";

/** On this machine or a private network: `localhost`, a private or loopback IP, a single-label name. */
function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  } catch {
    return true;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (isIP(host) !== 0) return !isPublicAddress(host);
  return !host.includes(".");
}

/**
 * Whether the provider at `providerBaseUrl` can download from the inbox: always when the inbox has
 * a public address; from a local one only for a provider beside it (a sandbox, the same network).
 */
export function providerReachesInbox(inboxOrigin: string, providerBaseUrl: string): boolean {
  return !isLocalUrl(inboxOrigin) || isLocalUrl(providerBaseUrl);
}

/** What files a connection's chats may be sent, or why none. */
export function outgoingFilesOf(connection: { kind: ProviderKind; baseUrl: string }): OutgoingFilesSupport {
  const support = providerInfo(connection.kind).outgoingFiles;
  if ("policy" in support && support.policy.downloadsFromInbox) {
    if (!providerReachesInbox(appOrigin(), connection.baseUrl)) return { unavailable: "needsPublicAddress" };
  }
  return support;
}

/** The files policy of a chat's connection; a 422 in plain words where it takes none. */
export async function outgoingPolicyOf(client: DbClient, connectionId: string): Promise<OutgoingFilesPolicy> {
  const connection = await client.connection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { kind: true, baseUrl: true },
  });
  const support = outgoingFilesOf(connection);
  if ("policy" in support) return support.policy;
  const reason =
    support.unavailable === "needsPublicAddress"
      ? "the provider downloads files from this inbox, which has no public address (set APP_URL)"
      : "this provider cannot send files";
  throw new AppError(
    "UNSUPPORTED",
    `Files cannot be sent to ${providerInfo(connection.kind).displayName} chats: ${reason}`,
  );
}
