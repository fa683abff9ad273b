import type { SkippedItem } from "@/lib/providers/types";

/** Why a provider call failed, in the terms the sync engine and the UI act on. */
export type ProviderErrorKind =
  | "unauthorized" // 401: the token is wrong or revoked
  | "forbidden" // 403
  | "not_found" // 404
  | "bad_request" // other 4xx: our request was refused
  | "rate_limited" // 429: wait `retryAfterMs`
  | "server" // 5xx
  | "timeout"
  | "network" // connection refused, reset, DNS
  | "malformed" // a body that is not what the documents promise
  | "bad_item" // a well-formed answer about one item (a chat by id) that fails that item's schema: skip it, do not retry
  | "invalid_input"; // refused before any request (e.g. a MAX chat link that fails the seed's regex)

const RETRYABLE = new Set<ProviderErrorKind>(["rate_limited", "server", "timeout", "network", "malformed"]);

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number | null;
  /** For "rate_limited": how long the provider wants us to wait. */
  readonly retryAfterMs: number | null;
  /** The provider's own error text or code, when it sent one. */
  readonly providerMessage: string | null;
  /** For "bad_item": the item to skip and count. */
  readonly skippedItem: SkippedItem | null;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: {
      status?: number | null;
      retryAfterMs?: number | null;
      providerMessage?: string | null;
      skippedItem?: SkippedItem | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ProviderError";
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.providerMessage = options.providerMessage ?? null;
    this.skippedItem = options.skippedItem ?? null;
  }

  /** Worth trying again later (the same request may succeed); false for auth and 4xx failures. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "bad_request";
}

export function isProviderError(error: unknown, kind?: ProviderErrorKind): error is ProviderError {
  return error instanceof ProviderError && (kind === undefined || error.kind === kind);
}

/** An item fetched on its own (a chat by id) failed its schema: a "bad_item" error naming it. */
export function badItemError(provider: string, skipped: SkippedItem): ProviderError {
  return new ProviderError(
    "bad_item",
    `${provider} sent an item the inbox cannot read (${skipped.path}: ${skipped.reason})`,
    {
      skippedItem: skipped,
    },
  );
}
