import type { NormalizedChat } from "@/lib/providers/types";

/** A chat known by its id alone: every field the provider did not tell us is empty. */
export function bareChat(externalId: string): NormalizedChat {
  return {
    externalId,
    kind: "dialog",
    title: `Chat ${externalId}`,
    avatarUrl: null,
    status: "open",
    providerStatus: null,
    phone: null,
    publicLink: null,
    participantsCount: null,
    providerUnreadCount: null,
    lastMessageAt: null,
    lastMessagePreview: null,
    createdAt: null,
    raw: null,
  };
}
