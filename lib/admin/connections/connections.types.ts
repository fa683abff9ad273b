/** Connection admin requests and answers the browser shares with the server (no server imports). */
import { z } from "zod";
import { PROVIDER_KINDS, type ProviderKind } from "@/lib/providers/types";

/** Where a connection is configured: only browser-configured ones can be changed here. */
export type ConnectionSource = "browser" | "environment" | "sandbox";

export type AdminConnection = {
  id: string;
  kind: ProviderKind;
  displayName: string;
  baseUrl: string;
  enabled: boolean;
  source: ConnectionSource;
  /** For environment connections: the variables that set it (change them there). */
  variables: string[];
  /** Each stored credential's last 4 characters ("…abcd"), never more. */
  credentialHints: Record<string, string>;
  settings: Record<string, unknown>;
  health: "unknown" | "ok" | "degraded" | "down";
  lastError: string | null;
  lastSyncAt: string | null;
  /** Provider items that failed their schema and were skipped, and since when (ISO): "3 items skipped since 10:02". */
  skippedItems: { count: number; since: string | null };
  chatCount: number;
};

/** Why a test call failed, in terms the admin can act on. */
export type ConnectionProblem =
  | "refused"
  | "unreachable"
  | "tls"
  | "wrong_url"
  | "provider_error"
  | "rate_limited"
  | "invalid";

export type ConnectionTestResult = { ok: true } | { ok: false; problem: ConnectionProblem; message: string };

const text = z.string().max(4096);
const values = z.record(z.string().max(64), z.union([text, z.number(), z.boolean(), z.null()]));

export const ZBaseUrl = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// address" }));

/** A connection as the form sends it; credentials and settings are checked against the kind's descriptor. */
export const ZConnectionInput = z.object({
  kind: z.enum(PROVIDER_KINDS),
  displayName: z.string().trim().min(1).max(100).optional(),
  baseUrl: ZBaseUrl.optional(),
  credentials: values.default({}),
  settings: values.default({}),
});
export type ConnectionInput = z.infer<typeof ZConnectionInput>;

export const ZCreateConnectionRequest = ZConnectionInput.extend({
  /** Save even though the test call failed (the admin confirmed it). */
  saveUntested: z.boolean().default(false),
});
export type CreateConnectionRequest = z.input<typeof ZCreateConnectionRequest>;

/** Only what changes: a credential left out keeps its stored value (rotate a token without retyping the others). */
export const ZUpdateConnectionRequest = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    baseUrl: ZBaseUrl.optional(),
    credentials: values.optional(),
    settings: values.optional(),
    enabled: z.boolean().optional(),
    saveUntested: z.boolean().default(false),
  })
  .refine(
    (value) => Object.entries(value).some(([key, given]) => key !== "saveUntested" && given !== undefined),
    "Nothing to change",
  );
export type UpdateConnectionRequest = z.input<typeof ZUpdateConnectionRequest>;

export const ZDeleteConnectionQuery = z.object({ chats: z.enum(["keep", "delete"]).default("keep") });
