import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { providerInfo } from "@/lib/providers/catalog.types";
import type { OutgoingFilesPolicy } from "@/lib/providers/outgoing-files.types";

/** The files policy of a chat's provider; a 422 in plain words where it takes none. */
export async function outgoingPolicyOf(client: DbClient, connectionId: string): Promise<OutgoingFilesPolicy> {
  const connection = await client.connection.findUniqueOrThrow({ where: { id: connectionId }, select: { kind: true } });
  const info = providerInfo(connection.kind);
  if (!("policy" in info.outgoingFiles)) {
    throw new AppError("UNSUPPORTED", `${info.displayName} chats cannot be sent files`);
  }
  return info.outgoingFiles.policy;
}
