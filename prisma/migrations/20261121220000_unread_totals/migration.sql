-- The unread totals per connection (the tab title, the provider chips), kept by triggers as
-- chats change, so reading them costs one row per connection instead of a pass over every
-- unread chat (20,000 of them took 15-20 ms in the benchmark).
CREATE TABLE "connection_unread_totals" (
    "connection_id" UUID NOT NULL,
    "unread" INTEGER NOT NULL DEFAULT 0,
    "chats" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "connection_unread_totals_pkey" PRIMARY KEY ("connection_id")
);

ALTER TABLE "connection_unread_totals" ADD CONSTRAINT "connection_unread_totals_connection_id_fkey"
    FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "chats_track_unread_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."unread_count" > 0 THEN
    UPDATE "connection_unread_totals"
      SET "unread" = "unread" - OLD."unread_count", "chats" = "chats" - 1
      WHERE "connection_id" = OLD."connection_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."unread_count" > 0 THEN
    INSERT INTO "connection_unread_totals" ("connection_id", "unread", "chats")
      VALUES (NEW."connection_id", NEW."unread_count", 1)
      ON CONFLICT ("connection_id") DO UPDATE
        SET "unread" = "connection_unread_totals"."unread" + EXCLUDED."unread",
            "chats" = "connection_unread_totals"."chats" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "chats_unread_totals_insert_delete" AFTER INSERT OR DELETE ON "chats"
  FOR EACH ROW EXECUTE FUNCTION "chats_track_unread_totals"();

-- Only real changes: most updates of a chat leave its unread count as it was.
CREATE TRIGGER "chats_unread_totals_update" AFTER UPDATE OF "unread_count", "connection_id" ON "chats"
  FOR EACH ROW
  WHEN (OLD."unread_count" IS DISTINCT FROM NEW."unread_count" OR OLD."connection_id" IS DISTINCT FROM NEW."connection_id")
  EXECUTE FUNCTION "chats_track_unread_totals"();

INSERT INTO "connection_unread_totals" ("connection_id", "unread", "chats")
  SELECT "connection_id", sum("unread_count"), count(*) FROM "chats" WHERE "unread_count" > 0 GROUP BY "connection_id";
