import type { Logger } from "pino";
import type { Db } from "@/lib/db";
import { emitChanges } from "@/lib/events/emit";
import { isProviderError } from "@/lib/providers/errors";
import type { SkippedItem } from "@/lib/providers/types";

/**
 * Items a provider sent that the inbox could not read (docs/providers/README.md, rule 1): each
 * is logged once, here, with the provider's id for it and the schema path that failed, and
 * counted on its connection. The caller has already moved its cursor past them.
 */
export async function recordSkippedItems(
  prisma: Db,
  log: Logger,
  connectionId: string,
  skipped: readonly SkippedItem[] | undefined,
): Promise<void> {
  if (!skipped || skipped.length === 0) return;
  for (const item of skipped) {
    log.warn(
      { connectionId, providerId: item.providerId, path: item.path, reason: item.reason },
      "skipped a provider item that does not match its schema",
    );
  }
  try {
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE connections SET skipped_items = skipped_items + ${skipped.length}::int,
          skipped_items_since = COALESCE(skipped_items_since, now())
        WHERE id = ${connectionId}::uuid`;
      await emitChanges(tx, [{ type: "connection.changed", connectionId }]);
    });
  } catch (failure) {
    log.warn({ err: failure, connectionId }, "could not count the skipped items");
  }
}

/** A "bad_item" error (an item fetched on its own that fails its schema) as the item to skip, else null. */
export function skippedItemOf(error: unknown): SkippedItem | null {
  return isProviderError(error, "bad_item") ? error.skippedItem : null;
}
