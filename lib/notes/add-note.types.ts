import { z } from "zod";

/** As long as a message may be. */
export const MAX_NOTE_LENGTH = 4000;
/** Teammates one note may mention. */
export const MAX_MENTIONS = 20;

export const ZAddNoteRequest = z.object({
  text: z
    .string()
    .max(MAX_NOTE_LENGTH, `A note can have at most ${MAX_NOTE_LENGTH} characters`)
    .refine((text) => text.trim().length > 0, "Type a note first"),
  /** Made by the browser per note: repeating a request with it never adds the note twice. */
  clientId: z.uuid(),
  /** Teammates picked with @ in the note: each finds the chat in their Mentions view. */
  mentions: z.array(z.string().min(1).max(100)).max(MAX_MENTIONS).default([]),
});
export type AddNoteRequest = z.input<typeof ZAddNoteRequest>;
