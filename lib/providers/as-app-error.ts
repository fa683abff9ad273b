import { AppError } from "@/lib/errors";
import { ProviderError } from "@/lib/providers/errors";

/** A provider failure during a staff request, in words for the staff member (no stack, no body dump). */
export function asAppError(error: unknown, what: string): AppError {
  if (!(error instanceof ProviderError)) return new AppError("PROVIDER_UNAVAILABLE", `${what}.`);
  switch (error.kind) {
    case "invalid_input":
    case "bad_request":
      return new AppError("BAD_REQUEST", error.providerMessage ?? error.message);
    case "not_found":
      return new AppError("NOT_FOUND", `${what}: the provider does not know it.`);
    case "rate_limited":
      return new AppError("RATE_LIMITED", `${what}: the provider asks us to slow down. Try again in a minute.`);
    case "unauthorized":
    case "forbidden":
      return new AppError("PROVIDER_UNAVAILABLE", `${what}: the provider refused our credentials.`);
    default:
      return new AppError("PROVIDER_UNAVAILABLE", `${what}: the provider is not answering right now.`);
  }
}
