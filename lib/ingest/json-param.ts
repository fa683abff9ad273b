/**
 * Rows travel to Postgres as one JSON document (`jsonb_to_recordset`), so a batch of any size
 * is one parameter. Postgres' jsonb refuses the NUL character, which providers do send now and
 * then inside texts: it is dropped here rather than failing the whole batch.
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    typeof field === "string" && field.includes("\u0000") ? field.replaceAll("\u0000", "") : field,
  );
}
