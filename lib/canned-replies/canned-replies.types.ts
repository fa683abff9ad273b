import { z } from "zod";

export const REPLY_SCOPES = ["team", "personal"] as const;
export type ReplyScope = (typeof REPLY_SCOPES)[number];

const fields = {
  title: z.string().trim().min(1, "A title is needed").max(100),
  text: z.string().trim().min(1, "The reply needs some text").max(4000),
  /** A word typed after `/` in the composer; letters, digits, - and _ only. */
  shortcut: z
    .string()
    .trim()
    .max(30)
    .regex(/^[\p{L}\p{N}_-]*$/u, "Use letters, digits, - or _ only")
    .transform((value) => (value === "" ? null : value.toLowerCase()))
    .nullable()
    .optional(),
};

export const ZCreateReplyRequest = z.object({ ...fields, scope: z.enum(REPLY_SCOPES) });
export type CreateReplyRequest = z.input<typeof ZCreateReplyRequest>;

export const ZUpdateReplyRequest = z
  .object({ title: fields.title.optional(), text: fields.text.optional(), shortcut: fields.shortcut })
  .refine((value) => Object.values(value).some((field) => field !== undefined), "Nothing to change");
export type UpdateReplyRequest = z.input<typeof ZUpdateReplyRequest>;

export const ZReplyParams = z.object({ replyId: z.coerce.number().int().positive().max(2_147_483_647) });

export type CannedReply = {
  id: number;
  scope: ReplyScope;
  title: string;
  text: string;
  shortcut: string | null;
  /** Whether the viewer may change it: their own, or the team's for an admin. */
  editable: boolean;
};
