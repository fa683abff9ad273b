/**
 * The bridge's enums. JSON carries them as numbers, DataContract XML as names.
 * Docs: docs/providers/seeds/000_62f7899ae3925019.txt (names CloseChatMode, TGBot, Message) and
 * docs/providers/tgbridge.md (MessageType numbers 0–6 with descriptions).
 *
 * The documents name only CloseChatMode in XML; the other MessageType names are ours, taken
 * from the descriptions in providers.md ("3 message without menu update" →
 * MessageWithoutMenuUpdate). Any other name or number is read leniently and kept raw.
 */

export const MESSAGE_TYPES = [
  "CloseChatMode",
  "OpenChatMode",
  "Message",
  "MessageWithoutMenuUpdate",
  "AuthMessage",
  "UpdateMessage",
  "UpdateReaction",
] as const;
export type MessageTypeName = (typeof MESSAGE_TYPES)[number];

/** Only value 0 is documented for Source and State. */
export const SOURCES = ["TGBot"] as const;
export const STATES = ["Message"] as const;

export type EnumValue<Name extends string> = {
  /** The documented name, or null for a value the documents do not list. */
  name: Name | null;
  /** The value as the provider sent it ("2", "CloseChatMode", "Foo"). */
  raw: string;
};

/** Reads an enum sent as a number (JSON), a name (XML) or a numeric string, case-insensitively. */
export function readEnum<Name extends string>(
  names: readonly Name[],
  value: number | string | null | undefined,
): EnumValue<Name> | null {
  if (value === null || value === undefined) return null;
  const raw = String(value).trim();
  if (/^\d+$/.test(raw)) return { name: names[Number(raw)] ?? null, raw };
  const name = names.find((candidate) => candidate.toLowerCase() === raw.toLowerCase()) ?? null;
  return { name, raw };
}

/** The provider's word for an enum value: its documented name when known, else the raw value. */
export function enumWord<Name extends string>(value: EnumValue<Name> | null): string | null {
  return value ? (value.name ?? value.raw) : null;
}
