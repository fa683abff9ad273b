import { defineConfig } from "prisma/config";

// The URL matters only to `prisma migrate` (where its engine can be downloaded);
// `prisma generate` needs none, so a placeholder keeps it working without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:5432/placeholder" },
});
