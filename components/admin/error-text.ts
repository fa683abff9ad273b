import { isApiError } from "@/lib/queries/api";

/** The reason to show for a failed admin action: a translated one where the server names it. */
export function errorText(error: unknown, t: (key: "lastAdmin" | "failed", values?: { message: string }) => string) {
  if (isApiError(error) && (error.details as { reason?: string } | undefined)?.reason === "last_admin") {
    return t("lastAdmin");
  }
  return t("failed", { message: error instanceof Error ? error.message : String(error) });
}
