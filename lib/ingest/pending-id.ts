/**
 * A message typed in the inbox is stored at once under `pending:<clientId>`, until the provider
 * names its own id for it. This is the one place that spells the prefix (the browser's
 * optimistic row uses it too, so this module imports nothing).
 */
const PENDING_PREFIX = "pending:";

export const pendingExternalId = (clientId: string) => `${PENDING_PREFIX}${clientId}`;

export const isPendingExternalId = (externalId: string) => externalId.startsWith(PENDING_PREFIX);

/** `external_id LIKE` this: a row still waiting for the provider's id. */
export const PENDING_ID_PATTERN = `${PENDING_PREFIX}%`;
