/**
 * The sandbox Chat operations API's own copy of the wire format: what it stores and serves.
 * Docs: docs/providers/seeds/002_15fee2cb1c4a27a3.txt and docs/providers/chatops.md. Kept apart from the
 * adapter's schemas on purpose, so the fake is written from the documents, not from the client.
 */

type WireTitle = { value: string; contentType: string; capturedAt: string };
type WireParticipation = { isActive: boolean; joinedAt: string; invitedBy?: string };
export type WireParticipant = {
  id: string;
  userProperties: { firstname?: string; username: string };
  participations: WireParticipation[];
};

/** A chat as the detail endpoint serves it (the list serves `listForm` of it). */
export type WireChat = {
  id: string;
  isActive: boolean;
  service: string;
  registeredAt: string;
  createdBy: string;
  title: WireTitle[];
  participants: WireParticipant[];
};

export type WireEntity = { offset: number; length: number; type: string };
export type WireContent = { value: { text: string; entities: WireEntity[] }; contentType: string; capturedAt: string };
export type WireMessage = {
  id: string;
  writtenBy: string;
  writtenAt: string;
  deleted: boolean;
  content: WireContent[];
};

/** The seed's `createdBy`: the API account the chats are registered with. */
export const ACCOUNT_ID = "4279566b-ee1b-49ed-bda7-046bd68c11d1";
export const SERVICE = "telegram";

/** "2024-12-11T08:54:03.000Z": the detail's `registeredAt` (whole seconds). */
export function detailTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString();
}

/** "2024-12-11T08:54:21.898Z": titles, participations and message times. */
export function preciseTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * The list shows `registeredAt` without a zone ("2024-12-11T08:54:03") and `createdBy` before
 * it, exactly as the seed's list sample does for the chat its detail sample shows with a zone.
 */
export function listForm(chat: WireChat) {
  return {
    id: chat.id,
    isActive: chat.isActive,
    service: chat.service,
    createdBy: chat.createdBy,
    registeredAt: new Date(chat.registeredAt).toISOString().slice(0, 19),
    title: chat.title,
    participants: chat.participants,
  };
}

/** The detail's key order, for a chat known only from its list form (the seed's second chat). */
export function detailFormOfListed(listed: ReturnType<typeof listForm>): WireChat {
  return {
    id: listed.id,
    isActive: listed.isActive,
    service: listed.service,
    registeredAt: detailTime(Date.parse(`${listed.registeredAt}Z`)),
    createdBy: listed.createdBy,
    title: listed.title,
    participants: listed.participants,
  };
}

/** Latest participation decides membership; participations are appended in time order. */
export function isMember(participant: WireParticipant): boolean {
  return participant.participations.at(-1)?.isActive ?? false;
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * Errors are not documented; the API is a Spring application (`/api/v1/private`, `page` from
 * 0, `size`, `sort`), so the fake answers with Spring Boot's default error body.
 */
export function springError(status: number, message: string, path?: string) {
  return {
    status,
    json: {
      timestamp: new Date().toISOString(),
      status,
      error: REASONS[status] ?? "Error",
      message,
      ...(path === undefined ? {} : { path }),
    },
  };
}
