import { useMutation } from "@tanstack/react-query";
import type { PhoneLookupRequest } from "@/lib/chats/lookup.types";
import { apiPost } from "@/lib/queries/api";

/** Asks the providers for the active chat of a phone number; answers the chat's id (404 when none). */
export function useLookupByPhone() {
  return useMutation({
    mutationFn: (input: PhoneLookupRequest) => apiPost<{ chatId: number }>("/api/lookup/phone", input),
  });
}

/** Finds a chat by its public link or username; answers the chat's id (404 when none). */
export function useLookupByLink() {
  return useMutation({ mutationFn: (link: string) => apiPost<{ chatId: number }>("/api/lookup/link", { link }) });
}
