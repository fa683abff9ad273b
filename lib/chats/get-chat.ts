import { CHAT_LIST_COLUMNS, type ChatListItem, toChatListItem } from "@/lib/chats/list-chats";
import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { outgoingFilesOf } from "@/lib/outgoing-files/outgoing-policy";
import { providerForConnection } from "@/lib/providers/for-connection";
import type { OutgoingFilesSupport } from "@/lib/providers/outgoing-files.types";
import { type Capability, declaredCapabilities } from "@/lib/providers/types";

export type ChatDetail = ChatListItem & {
  /** The provider's id of the chat: what its own app and support know it by. */
  externalId: string;
  providerStatus: string | null;
  publicLink: string | null;
  participantsCount: number | null;
  agentLastSeenAt: string | null;
  markedUnread: boolean;
  hasOlderMessages: boolean;
  /** What this chat's provider can do; the UI offers exactly these actions. */
  capabilities: Capability[];
  /** The files a reply here may carry (the composer checks them before uploading), or why none. */
  outgoingFiles: OutgoingFilesSupport;
};

type DetailRow = Parameters<typeof toChatListItem>[0] & {
  externalId: string;
  providerStatus: string | null;
  publicLink: string | null;
  participantsCount: number | null;
  agentLastSeenAt: Date | null;
  markedUnread: boolean;
  hasOlderMessages: boolean;
  baseUrl: string;
};

export async function getChat(client: DbClient, chatId: number): Promise<ChatDetail> {
  const [row] = await client.$queryRaw<DetailRow[]>`
    SELECT ${CHAT_LIST_COLUMNS}, c.external_id AS "externalId", c.provider_status AS "providerStatus", c.public_link AS "publicLink",
      c.participants_count AS "participantsCount", c.agent_last_seen_at AS "agentLastSeenAt",
      c.marked_unread AS "markedUnread", c.has_older_messages AS "hasOlderMessages",
      k.base_url AS "baseUrl"
    FROM chats c JOIN connections k ON k.id = c.connection_id AND k.enabled
    WHERE c.id = ${chatId}`;
  if (!row) throw new AppError("NOT_FOUND", "Chat not found");
  const provider = await providerForConnection(client, row.connectionId);
  return {
    ...toChatListItem(row),
    externalId: row.externalId,
    providerStatus: row.providerStatus,
    publicLink: row.publicLink,
    participantsCount: row.participantsCount,
    agentLastSeenAt: row.agentLastSeenAt?.toISOString() ?? null,
    markedUnread: row.markedUnread,
    hasOlderMessages: row.hasOlderMessages,
    capabilities: declaredCapabilities(provider),
    outgoingFiles: outgoingFilesOf({ kind: provider.kind, baseUrl: row.baseUrl }),
  };
}
