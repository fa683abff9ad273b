import type { NormalizedAttachment } from "@/lib/providers/types";

export type AttachmentDetails = Omit<NormalizedAttachment, "kind" | "raw">;

const NO_DETAILS: AttachmentDetails = {
  url: null,
  fileName: null,
  mimeType: null,
  size: null,
  width: null,
  height: null,
  durationSec: null,
  latitude: null,
  longitude: null,
  contactName: null,
  contactPhone: null,
  title: null,
};

/** An attachment with what its provider said about it; every detail it did not give is null. */
export function normalizedAttachment(
  kind: NormalizedAttachment["kind"],
  raw: unknown,
  details: Partial<AttachmentDetails> = {},
): NormalizedAttachment {
  return { ...NO_DETAILS, ...details, kind, raw };
}
