/**
 * A small reader of schema.prisma, enough to compare it with a live database: models with
 * their table, columns, types, nullability and indexes, and enums with their values.
 */

export type SchemaColumn = {
  field: string;
  column: string;
  prismaType: string;
  nativeType: string | null;
  optional: boolean;
  list: boolean;
};
export type SchemaIndex = { name: string; unique: boolean };
export type SchemaModel = { name: string; table: string; columns: SchemaColumn[]; indexes: SchemaIndex[] };
export type PrismaSchema = { models: SchemaModel[]; enums: Map<string, string[]> };

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Float", "Decimal", "Bytes"]);

function blocks(source: string, keyword: "model" | "enum"): Array<{ name: string; body: string }> {
  const pattern = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm");
  return [...source.matchAll(pattern)].map((match) => ({ name: match[1] as string, body: match[2] as string }));
}

function withoutComments(source: string): string {
  return source.replace(/\/\/.*$/gm, "");
}

function fieldList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim().replace(/\(.*$/, ""))
    .filter(Boolean);
}

export function parsePrismaSchema(source: string): PrismaSchema {
  const clean = withoutComments(source);
  const enums = new Map(
    blocks(clean, "enum").map(({ name, body }) => [
      name,
      body
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    ]),
  );
  const modelNames = new Set(blocks(clean, "model").map((block) => block.name));
  const models = blocks(clean, "model").map(({ name, body }) => {
    const lines = body
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const columns: SchemaColumn[] = [];
    for (const line of lines) {
      if (line.startsWith("@@")) continue;
      const match = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!match) continue;
      const [, field, type, modifier, attributes] = match as unknown as [
        string,
        string,
        string,
        string | undefined,
        string,
      ];
      if (modelNames.has(type) || (!SCALARS.has(type) && !enums.has(type))) continue;
      columns.push({
        field,
        column: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? field,
        prismaType: type,
        nativeType: /@db\.(\w+)/.exec(attributes)?.[1] ?? null,
        optional: modifier === "?",
        list: modifier === "[]",
      });
    }
    const columnOf = (field: string) => columns.find((column) => column.field === field)?.column ?? field;
    const indexes: SchemaIndex[] = [];
    for (const line of lines) {
      const unique = /^@@unique\(\[([^\]]+)\]/.exec(line);
      const index = /^@@index\(\[([^\]]+)\]/.exec(line);
      const found = unique ?? index;
      if (!found) continue;
      const explicit = /map:\s*"([^"]+)"/.exec(line)?.[1];
      const names = fieldList(found[1] as string).map(columnOf);
      indexes.push({
        name: explicit ?? `${table}_${names.join("_")}_${unique ? "key" : "idx"}`,
        unique: Boolean(unique),
      });
    }
    for (const column of columns) {
      const line = lines.find((candidate) => candidate.startsWith(`${column.field} `)) ?? "";
      if (/@unique\b/.test(line)) indexes.push({ name: `${table}_${column.column}_key`, unique: true });
    }
    return { name, table, columns, indexes };
  });
  return { models, enums };
}

/** The Postgres type `prisma migrate` creates for a column, as information_schema names it. */
export function expectedPostgresType(column: SchemaColumn, enums: Map<string, string[]>): string {
  if (enums.has(column.prismaType)) return `enum:${column.prismaType}`;
  if (column.nativeType === "Uuid") return "uuid";
  if (column.nativeType === "Timestamptz") return "timestamp with time zone";
  const byType: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
    Float: "double precision",
    Decimal: "numeric",
    Bytes: "bytea",
  };
  return byType[column.prismaType] ?? column.prismaType;
}
