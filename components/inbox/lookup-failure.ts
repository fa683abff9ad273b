import { isApiError } from "@/lib/queries/api";

type Translate = (key: "notFoundPhone" | "notFoundLink" | "unsupportedPhone" | "unsupportedLink") => string;

/** What to tell the agent when a lookup finds nothing or cannot run; other errors speak for themselves. */
export function lookupFailure(error: Error, t: Translate, by: "phone" | "link"): string {
  if (isApiError(error, 404)) return t(by === "phone" ? "notFoundPhone" : "notFoundLink");
  if (isApiError(error, 422)) return t(by === "phone" ? "unsupportedPhone" : "unsupportedLink");
  if (isApiError(error, 400) && Array.isArray(error.details)) {
    const messages = error.details.flatMap((detail: unknown) =>
      typeof detail === "object" && detail !== null && "message" in detail && typeof detail.message === "string"
        ? [detail.message]
        : [],
    );
    if (messages.length > 0) return messages.join(" ");
  }
  return error.message;
}
