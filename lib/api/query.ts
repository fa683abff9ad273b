import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Validates a request's query string with `schema` (ZodErrors become 400s in the handler). */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  return parseSearchParams(new URL(request.url).searchParams, schema);
}

/** Validates query parameters with `schema`; a repeated key becomes an array. */
export function parseSearchParams<T extends z.ZodType>(params: URLSearchParams, schema: T): z.output<T> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : (values[0] as string);
  }
  return schema.parse(record);
}

/** Route params arrive as strings; ids here are positive integers, so anything else names nothing. */
export function positiveId(value: string, what: "Chat" | "Message" | "Participant"): number {
  const id = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw new AppError("NOT_FOUND", `${what} not found`);
  return id;
}
