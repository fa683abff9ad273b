import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedPostgresType, type PrismaSchema, parsePrismaSchema } from "@/lib/db/prisma-schema";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

type ColumnRow = {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
};

let database: TestDatabase;
let schema: PrismaSchema;
let columns: ColumnRow[];

beforeAll(async () => {
  database = await createTestDatabase();
  schema = parsePrismaSchema(await readFile(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));
  columns = await database.prisma.$queryRaw<ColumnRow[]>`
    SELECT table_name, column_name, data_type, udt_name, is_nullable
    FROM information_schema.columns WHERE table_schema = 'public'`;
});

afterAll(async () => {
  await database.drop();
});

describe("the migrated database matches schema.prisma", () => {
  it("reads a non-trivial schema (guards the parser itself)", () => {
    expect(schema.models.length).toBeGreaterThanOrEqual(14);
    expect(schema.models.find((model) => model.name === "Message")?.columns.map((column) => column.column)).toContain(
      "reply_to_external_id",
    );
  });

  it("has every model's table, with every column of the right type and nullability", () => {
    const problems: string[] = [];
    for (const model of schema.models) {
      const tableColumns = columns.filter((row) => row.table_name === model.table);
      if (tableColumns.length === 0) {
        problems.push(`table ${model.table} (model ${model.name}) is missing`);
        continue;
      }
      for (const column of model.columns) {
        const row = tableColumns.find((candidate) => candidate.column_name === column.column);
        if (!row) {
          problems.push(`${model.table}.${column.column} is missing`);
          continue;
        }
        const actualType = row.data_type === "USER-DEFINED" ? `enum:${row.udt_name}` : row.data_type;
        const expectedType = expectedPostgresType(column, schema.enums);
        if (actualType !== expectedType)
          problems.push(`${model.table}.${column.column} is ${actualType}, schema says ${expectedType}`);
        const nullable = row.is_nullable === "YES";
        if (nullable !== column.optional) {
          problems.push(
            `${model.table}.${column.column} is ${nullable ? "nullable" : "NOT NULL"}, schema says the opposite`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every enum with exactly the schema's values", async () => {
    const rows = await database.prisma.$queryRaw<Array<{ name: string; value: string }>>`
      SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`;
    for (const [name, values] of schema.enums) {
      expect(
        rows.filter((row) => row.name === name).map((row) => row.value),
        `enum ${name}`,
      ).toEqual(values);
    }
  });

  it("has every declared index and unique constraint under Prisma's names", async () => {
    const rows = await database.prisma.$queryRaw<Array<{ indexname: string; indexdef: string }>>`
      SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`;
    const byName = new Map(rows.map((row) => [row.indexname, row.indexdef]));
    const problems: string[] = [];
    for (const model of schema.models) {
      for (const index of model.indexes) {
        const definition = byName.get(index.name);
        if (!definition) problems.push(`index ${index.name} is missing`);
        else if (index.unique !== definition.startsWith("CREATE UNIQUE"))
          problems.push(`index ${index.name} uniqueness differs`);
      }
    }
    expect(problems).toEqual([]);
  });
});
