/**
 * SmartSender's wire format as the sandbox writes it, from the documents only (not from the
 * adapter): docs/providers/seeds/001_4c7582a753ef1710.txt (Chat) and docs/providers/smartsender.md
 * (Message and its content types).
 */

export type WireChannel = {
  id: number;
  active: boolean;
  occupied: boolean;
  type: string;
  name: string;
  referrer: number;
  link: string;
  app: string;
  createdAt: string;
  updatedAt: string;
};
export type WireGate = { id: number; subscribed: boolean; unreadMessages: number; channel: WireChannel };
export type WireChat = {
  id: number;
  name: string;
  image: string | null;
  contact: { id: number; originalId: number };
  gates: WireGate[];
  createdAt: string;
  updatedAt: string;
};
export type WireContent = { type: string; resource: { parameters: Record<string, unknown> } };
export type WireMessage = {
  id: number;
  createdAt: string;
  deliveredAt: string | null;
  seenAt: string | null;
  internal: boolean;
  sender: { type: "contact" | "operator" | "bot"; fullName: string; image: string | null };
  gate: { id: number; channel: { id: number; type: string } };
  content: WireContent;
};

const pad = (value: number) => String(value).padStart(2, "0");

/** SmartSender's "YYYY-MM-DD HH:MM:SS", in UTC. */
export function wireDate(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function wireTime(text: string): number {
  return Date.parse(`${text.replace(" ", "T")}Z`);
}

/** Every content type providers.md lists; the big chat carries each of them. */
export const CONTENT_TYPES = [
  "text",
  "input",
  "action",
  "picture",
  "animation",
  "telegramCaptionedPicture",
  "file",
  "link",
  "video",
  "audio",
  "voice",
  "telegramVideoNote",
  "mediaGroup",
  "contact",
  "location",
  "transient",
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export function textContent(type: "text" | "input" | "action", content: string): WireContent {
  return { type, resource: { parameters: { content } } };
}

export function contactSender(chat: WireChat): WireMessage["sender"] {
  return { type: "contact", fullName: chat.name, image: chat.image };
}

export function gateRef(gate: WireGate): WireMessage["gate"] {
  return { id: gate.id, channel: { id: gate.channel.id, type: gate.channel.type } };
}
