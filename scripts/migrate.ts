// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (the app also does this at every start).
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";

const url = env().DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate (npm start migrates its embedded database by itself).");
  process.exit(1);
}
const result = await migrate(url);
process.stdout.write(
  result.applied.length > 0
    ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}\n`
    : `Database is up to date (${result.alreadyApplied} migration(s) applied earlier).\n`,
);
