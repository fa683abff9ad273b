import { z } from "zod";

export const MAX_LOOKUP_NAME_LENGTH = 200;
export const MAX_LOOKUP_LINK_LENGTH = 300;

export const ZPhoneLookupRequest = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s()-]{5,20}$/, "Enter a phone number (digits, optionally with + and spaces)"),
  name: z.string().trim().min(1, "Enter the chat's name or key").max(MAX_LOOKUP_NAME_LENGTH),
  source: z.union([z.literal(0), z.literal(1)]).default(0),
});
export type PhoneLookupRequest = z.input<typeof ZPhoneLookupRequest>;

export const ZLinkLookupRequest = z.object({
  link: z.string().trim().min(1, "Enter a link").max(MAX_LOOKUP_LINK_LENGTH),
});
