-- Working together on one inbox: who owns a chat (assignee), the inbox's own status workflow
-- (open, pending until a time, resolved), how long the customer has waited for an answer, private
-- notes with mentions, who is looking at a chat right now (presence), and the team's settings.

CREATE TYPE "InboxStatus" AS ENUM ('open', 'pending', 'resolved');

ALTER TABLE "chats"
    ADD COLUMN "assignee_id" TEXT,
    ADD COLUMN "inbox_status" "InboxStatus" NOT NULL DEFAULT 'open',
    ADD COLUMN "snoozed_until" TIMESTAMPTZ(3),
    ADD COLUMN "status_changed_at" TIMESTAMPTZ(3),
    ADD COLUMN "waiting_since" TIMESTAMPTZ(3);

ALTER TABLE "chats" ADD CONSTRAINT "chats_assignee_id_fkey"
    FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- A pending chat always knows when it comes back; no other chat has such a time.
ALTER TABLE "chats" ADD CONSTRAINT "chats_snoozed_until_check"
    CHECK (("inbox_status" = 'pending') = ("snoozed_until" IS NOT NULL));

-- The views: Mine and Unassigned walk this index newest first (IS NULL is an index condition).
CREATE INDEX "chats_assignee_id_activity_at_id_idx" ON "chats"("assignee_id", "activity_at" DESC, "id" DESC);
CREATE INDEX "chats_inbox_status_activity_at_id_idx" ON "chats"("inbox_status", "activity_at" DESC, "id" DESC);
-- Needs reply: open chats whose customer waits, longest first (alone, and within Mine or Unassigned).
CREATE INDEX "chats_needs_reply_idx" ON "chats"("waiting_since", "id")
    WHERE "inbox_status" = 'open' AND "waiting_since" IS NOT NULL;
CREATE INDEX "chats_needs_reply_assignee_idx" ON "chats"("assignee_id", "waiting_since", "id")
    WHERE "inbox_status" = 'open' AND "waiting_since" IS NOT NULL;
-- The snooze timer reads only the pending chats that are due.
CREATE INDEX "chats_snoozed_until_idx" ON "chats"("snoozed_until") WHERE "inbox_status" = 'pending';

-- Since when the customer waits: their first message after the team's last reply (a failed send is
-- no reply). Kept by lib/ingest/waiting.ts from then on.
UPDATE "chats" c SET "waiting_since" = w."since"
FROM (
    SELECT k."id", (
        SELECT min(m."created_at") FROM "messages" m
        WHERE m."chat_id" = k."id" AND m."direction" = 'inbound' AND m."deleted_at" IS NULL
          AND m."created_at" > COALESCE((
              SELECT max(o."created_at") FROM "messages" o
              WHERE o."chat_id" = k."id" AND o."direction" = 'outbound'
                AND o."delivery_state" IS DISTINCT FROM 'failed'), '-infinity')
    ) AS "since"
    FROM "chats" k
) w
WHERE w."id" = c."id" AND w."since" IS NOT NULL;

-- ─────────────── View counts, kept by triggers (read per request without counting chats) ───────────────

-- Chats per connection, assignee ('' for nobody) and status; needs_reply counts the open ones that wait.
CREATE TABLE "chat_view_totals" (
    "connection_id" UUID NOT NULL,
    "assignee_id" TEXT NOT NULL DEFAULT '',
    "inbox_status" "InboxStatus" NOT NULL,
    "chats" INTEGER NOT NULL DEFAULT 0,
    "needs_reply" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "chat_view_totals_pkey" PRIMARY KEY ("connection_id", "assignee_id", "inbox_status")
);
ALTER TABLE "chat_view_totals" ADD CONSTRAINT "chat_view_totals_connection_id_fkey"
    FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "chat_view_totals" ("connection_id", "assignee_id", "inbox_status", "chats", "needs_reply")
    SELECT "connection_id", COALESCE("assignee_id", ''), "inbox_status", count(*),
        count(*) FILTER (WHERE "inbox_status" = 'open' AND "waiting_since" IS NOT NULL)
    FROM "chats" GROUP BY 1, 2, 3;

CREATE FUNCTION "chats_track_view_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "chat_view_totals"
      SET "chats" = "chats" - 1,
          "needs_reply" = "needs_reply" - (OLD."inbox_status" = 'open' AND OLD."waiting_since" IS NOT NULL)::int
      WHERE "connection_id" = OLD."connection_id" AND "assignee_id" = COALESCE(OLD."assignee_id", '')
        AND "inbox_status" = OLD."inbox_status";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "chat_view_totals" ("connection_id", "assignee_id", "inbox_status", "chats", "needs_reply")
      VALUES (NEW."connection_id", COALESCE(NEW."assignee_id", ''), NEW."inbox_status", 1,
              (NEW."inbox_status" = 'open' AND NEW."waiting_since" IS NOT NULL)::int)
      ON CONFLICT ("connection_id", "assignee_id", "inbox_status") DO UPDATE
        SET "chats" = "chat_view_totals"."chats" + 1,
            "needs_reply" = "chat_view_totals"."needs_reply" + EXCLUDED."needs_reply";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "chats_view_totals_insert_delete" AFTER INSERT OR DELETE ON "chats"
  FOR EACH ROW EXECUTE FUNCTION "chats_track_view_totals"();

-- Only changes that move a chat between counts; most updates of a chat move none.
CREATE TRIGGER "chats_view_totals_update"
  AFTER UPDATE OF "connection_id", "assignee_id", "inbox_status", "waiting_since" ON "chats"
  FOR EACH ROW
  WHEN (OLD."connection_id" IS DISTINCT FROM NEW."connection_id"
     OR OLD."assignee_id" IS DISTINCT FROM NEW."assignee_id"
     OR OLD."inbox_status" IS DISTINCT FROM NEW."inbox_status"
     OR (OLD."waiting_since" IS NULL) <> (NEW."waiting_since" IS NULL))
  EXECUTE FUNCTION "chats_track_view_totals"();

-- ─────────────── Mentions in notes ───────────────

CREATE TABLE "note_mentions" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "chat_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- When the mentioned person opened the chat: the mention leaves their Mentions view.
    "seen_at" TIMESTAMPTZ(3),
    CONSTRAINT "note_mentions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "note_mentions_message_id_user_id_key" ON "note_mentions"("message_id", "user_id");
CREATE INDEX "note_mentions_chat_id_idx" ON "note_mentions"("chat_id");
-- The Mentions view and "mark seen": a person's unseen mentions only.
CREATE INDEX "note_mentions_unseen_idx" ON "note_mentions"("user_id", "chat_id") WHERE "seen_at" IS NULL;
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_message_id_fkey"
    FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_chat_id_fkey"
    FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "staff_mention_totals" (
    "user_id" TEXT NOT NULL,
    "unseen" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "staff_mention_totals_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "staff_mention_totals" ADD CONSTRAINT "staff_mention_totals_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "note_mentions_track_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."seen_at" IS NULL THEN
    UPDATE "staff_mention_totals" SET "unseen" = "unseen" - 1 WHERE "user_id" = OLD."user_id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."seen_at" IS NULL THEN
    INSERT INTO "staff_mention_totals" ("user_id", "unseen") VALUES (NEW."user_id", 1)
      ON CONFLICT ("user_id") DO UPDATE SET "unseen" = "staff_mention_totals"."unseen" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "note_mentions_totals_insert_delete" AFTER INSERT OR DELETE ON "note_mentions"
  FOR EACH ROW EXECUTE FUNCTION "note_mentions_track_totals"();
CREATE TRIGGER "note_mentions_totals_update" AFTER UPDATE OF "seen_at", "user_id" ON "note_mentions"
  FOR EACH ROW
  WHEN ((OLD."seen_at" IS NULL) <> (NEW."seen_at" IS NULL) OR OLD."user_id" IS DISTINCT FROM NEW."user_id")
  EXECUTE FUNCTION "note_mentions_track_totals"();

-- A note is never handed to the outbox, whatever code tries.
CREATE FUNCTION "outbox_actions_refuse_notes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."message_id" IS NOT NULL
     AND EXISTS (SELECT 1 FROM "messages" WHERE "id" = NEW."message_id" AND "direction" = 'note') THEN
    RAISE EXCEPTION 'a private note is never sent to a provider' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "outbox_actions_refuse_notes" BEFORE INSERT OR UPDATE OF "message_id" ON "outbox_actions"
  FOR EACH ROW EXECUTE FUNCTION "outbox_actions_refuse_notes"();

-- ─────────────── Presence ───────────────

-- Which browser tab shows which chat, and whether its agent is typing there. Refreshed by the tab's
-- heartbeats; a row past expires_at is gone (lib/presence/sweep.ts deletes it). UNLOGGED: presence is
-- worth nothing after a crash, so it costs no write-ahead log.
CREATE UNLOGGED TABLE "presence" (
    "tab_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "chat_id" INTEGER NOT NULL,
    -- Set while the agent types (and a little after); null: only viewing.
    "typing_until" TIMESTAMPTZ(3),
    -- The last typing signal taken: the next one counts only 2 s later.
    "typed_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "presence_pkey" PRIMARY KEY ("tab_id")
);
ALTER TABLE "presence" ADD CONSTRAINT "presence_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "presence" ADD CONSTRAINT "presence_chat_id_fkey"
    FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every instance hears presence on its own channel, not as change events: presence is not history
-- to replay after a reconnect, and heartbeats would flood that table. Only real changes notify
-- (a tab arrives, moves, starts or stops typing, leaves); a heartbeat that only extends the row
-- does not.
CREATE FUNCTION "notify_presence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD."chat_id" <> NEW."chat_id") THEN
    PERFORM pg_notify('inbox_presence', json_build_object('tab', OLD."tab_id", 'chatId', OLD."chat_id",
      'userId', OLD."user_id", 'state', 'left')::text);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD."chat_id" <> NEW."chat_id"
      OR (OLD."typing_until" IS NULL) <> (NEW."typing_until" IS NULL))) THEN
    PERFORM pg_notify('inbox_presence', json_build_object('tab', NEW."tab_id", 'chatId', NEW."chat_id",
      'userId', NEW."user_id",
      'state', CASE WHEN NEW."typing_until" IS NULL THEN 'viewing' ELSE 'typing' END)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "presence_notify" AFTER INSERT OR UPDATE OR DELETE ON "presence"
  FOR EACH ROW EXECUTE FUNCTION "notify_presence"();

-- ─────────────── Team settings ───────────────

-- One row: settings an admin chooses for the whole team.
CREATE TABLE "inbox_settings" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    -- The first agent who replies to an unassigned chat becomes its assignee.
    "auto_assign" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,
    CONSTRAINT "inbox_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "inbox_settings_one_row" CHECK ("id")
);
ALTER TABLE "inbox_settings" ADD CONSTRAINT "inbox_settings_updated_by_id_fkey"
    FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
INSERT INTO "inbox_settings" ("id") VALUES (true);
