/**
 * One bad item never fails a page. Docs: docs/providers/README.md, rule 1 ("envelope strict,
 * items one by one").
 *
 * A response's envelope (the list, its cursor or marker) is parsed with its schema as a whole;
 * the items in it arrive as `unknown[]` (`itemList`) and are parsed and mapped here one at a time.
 * An item that fails its schema, or whose mapping throws, becomes a `SkippedItem`: the sync logs it
 * once, counts it on the connection, and moves its cursor on past it.
 */
import { z } from "zod";
import type { SkippedItem } from "@/lib/providers/types";

/** An envelope's list of items, kept as sent: each element is parsed on its own by `eachItem`. */
export const itemList = z.array(z.unknown());

export type ItemsResult<T> = { items: T[]; skipped: SkippedItem[] };

const ID_KEYS = ["id", "Id", "chat_id", "message_id", "mid", "user_id"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function idText(value: unknown): string | null {
  if (typeof value === "string" && value !== "" && value.length <= 200) return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** The item's id as far as it can be told from its raw shape (`id`, `Id`, `body.mid`, `message.body.mid`...). */
export function providerIdOf(raw: unknown): string | null {
  if (!isRecord(raw)) return null;
  for (const key of ID_KEYS) {
    const id = idText(raw[key]);
    if (id !== null) return id;
  }
  for (const nested of ["body", "message", "chat"] as const) {
    const id = providerIdOf(raw[nested]);
    if (id !== null) return id;
  }
  return null;
}

function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]?.slice(0, 300) ?? "unknown failure";
}

/** A failed schema check as a skipped item: the first issue's path under `where`. */
export function skippedBySchema(where: string, raw: unknown, error: z.ZodError): SkippedItem {
  const issue = error.issues[0];
  const inner = issue?.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("") ?? "";
  return { providerId: providerIdOf(raw), path: `${where}${inner}`, reason: issue?.message ?? "does not match" };
}

/**
 * Parses and maps every item of a list on its own. `map` may return one row, several, or null
 * (an item the inbox does not use: not a failure). Nothing thrown by the schema or the mapper
 * escapes: the item is skipped instead.
 */
export function eachItem<S extends z.ZodType, R>(
  where: string,
  schema: S,
  raws: readonly unknown[] | null | undefined,
  map: (item: z.output<S>) => R | R[] | null,
): ItemsResult<R> {
  const items: R[] = [];
  const skipped: SkippedItem[] = [];
  (raws ?? []).forEach((raw, index) => {
    const at = `${where}[${index}]`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      skipped.push(skippedBySchema(at, raw, parsed.error));
      return;
    }
    try {
      const mapped = map(parsed.data);
      if (Array.isArray(mapped)) items.push(...mapped);
      else if (mapped !== null) items.push(mapped);
    } catch (error) {
      skipped.push({ providerId: providerIdOf(raw), path: at, reason: `could not be read: ${describeFailure(error)}` });
    }
  });
  return { items, skipped };
}

/** One item on its own (a chat fetched by id): its row, or the reason it was skipped. */
export function oneItem<S extends z.ZodType, R>(
  where: string,
  schema: S,
  raw: unknown,
  map: (item: z.output<S>) => R,
): { item: R; skipped: null } | { item: null; skipped: SkippedItem } {
  const result = eachItem(where, schema, [raw], (item) => [map(item)]);
  const [item] = result.items;
  if (item !== undefined) return { item, skipped: null };
  const skipped = result.skipped[0] ?? { providerId: providerIdOf(raw), path: where, reason: "no row" };
  return { item: null, skipped: { ...skipped, path: skipped.path.replace(`${where}[0]`, where) } };
}
