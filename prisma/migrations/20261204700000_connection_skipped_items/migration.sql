-- Items a provider sent that failed their schema and were skipped (docs/providers/README.md,
-- rule 1): how many, and since when, so connection health can say "3 items skipped since 10:02".
-- Written by the sync only; never part of the configuration (no config_version bump).
ALTER TABLE "connections" ADD COLUMN "skipped_items" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "connections" ADD COLUMN "skipped_items_since" TIMESTAMPTZ(3);
