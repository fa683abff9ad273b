import { isProviderError, type ProviderError } from "@/lib/providers/errors";
import { requireCapability } from "@/lib/providers/for-connection";
import type { ChatProvider, NormalizedChat } from "@/lib/providers/types";

/** The ProviderError a call fails with; anything else (success included) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!isProviderError(outcome)) throw new Error(`expected a ProviderError, got ${String(outcome)}`);
  return outcome;
}

/** Every chat the provider lists, following its cursor to the end. */
export async function allChats(provider: ChatProvider): Promise<NormalizedChat[]> {
  const chats: NormalizedChat[] = [];
  let cursor: string | null = null;
  do {
    const page = await requireCapability(provider, "listChats")(cursor);
    chats.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return chats;
}
