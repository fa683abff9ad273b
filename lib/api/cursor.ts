import { z } from "zod";
import { AppError } from "@/lib/errors";

/** A keyset position: the sort time and the row id that breaks ties. Opaque to clients. */
export type KeysetPosition = { at: Date; id: number };

const positionSchema = z.tuple([z.iso.datetime({ offset: true }), z.number().int()]);

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString("base64url");
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [at, id] = positionSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { at: new Date(at), id };
  } catch {
    throw new AppError("BAD_REQUEST", "The page cursor is not valid; reload the list");
  }
}
