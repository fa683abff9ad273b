import type { Db } from "@/lib/db";
import { bareChat } from "@/lib/ingest/bare-chat";
import type { NormalizedChat, NormalizedMessage, ProviderKind } from "@/lib/providers/types";

/** A normalized chat as a provider adapter would produce it, for ingest tests. */
export function chatRow(externalId: string, fields: Partial<NormalizedChat> = {}): NormalizedChat {
  return { ...bareChat(externalId), raw: { id: externalId, ...fields }, ...fields };
}

/** A normalized message (inbound text unless told otherwise), for ingest tests. */
export function messageRow(
  chatExternalId: string,
  externalId: string,
  createdAt: Date,
  fields: Partial<NormalizedMessage> = {},
): NormalizedMessage {
  return {
    externalId,
    chatExternalId,
    direction: "inbound",
    systemEvent: null,
    authorName: "Customer",
    authorExternalId: "customer-1",
    text: `Message ${externalId}`,
    createdAt,
    editedAt: null,
    deletedAt: null,
    replyTo: null,
    reactions: [],
    attachments: [],
    deliveryState: null,
    raw: { id: externalId, text: fields.text ?? `Message ${externalId}`, at: createdAt.toISOString() },
    ...fields,
  };
}

/** A stored connection with no credentials (enough for ingest, which never calls the provider). */
export async function storedConnection(prisma: Db, kind: ProviderKind = "smartsender"): Promise<string> {
  const connection = await prisma.connection.create({
    data: {
      slug: `test:${kind}:${Math.random().toString(36).slice(2)}`,
      kind,
      displayName: kind,
      baseUrl: "http://127.0.0.1:9",
    },
  });
  return connection.id;
}
