/** The audit page's query and rows, shared by the browser and the server (no server imports). */
import { z } from "zod";

export type AuditEntry = {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  action: string;
  chatId: number | null;
  chatTitle: string | null;
  details: Record<string, unknown>;
};

export type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

const date = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((value) => new Date(value));

export const ZAuditQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** A staff member's id. */
  user: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/)
    .optional(),
  chat: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** From this moment (a date means its start, UTC). */
  from: date.optional(),
  /** Before this moment (a date means its end, UTC). */
  to: date.optional(),
});
export type AuditQuery = z.output<typeof ZAuditQuery>;
