import { z } from "zod";
import { queryRecord } from "@/lib/api/request-guards";
import { AppError } from "@/lib/errors";

/** Validates a request's query string with `schema` (ZodErrors become 400s in the handler). */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  return parseSearchParams(new URL(request.url).searchParams, schema);
}

/** Validates query parameters with `schema`; a repeated key becomes an array, unstorable text a 400. */
export function parseSearchParams<T extends z.ZodType>(params: URLSearchParams, schema: T): z.output<T> {
  return schema.parse(queryRecord(params));
}

const LARGEST_ID = 2_147_483_647;

function idOf(value: string): number | null {
  const id = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 && id <= LARGEST_ID ? id : null;
}

/** Route params arrive as strings; ids here are positive integers, so anything else names nothing. */
export function positiveId(value: string, what: "Chat" | "Message" | "Participant" | "Attachment"): number {
  const id = idOf(value);
  if (id === null) throw new AppError("NOT_FOUND", `${what} not found`);
  return id;
}

/** A path segment holding a row id, for the `params` schema of a route: anything else is a 404. */
export const routeId = (what: "Chat" | "Message" | "Participant" | "Attachment") =>
  z.string().transform((value, context) => {
    const id = idOf(value);
    if (id === null) {
      context.addIssue({ code: "custom", message: `${what} not found` });
      return z.NEVER;
    }
    return id;
  });

export const ZChatParams = z.object({ chatId: routeId("Chat") });
