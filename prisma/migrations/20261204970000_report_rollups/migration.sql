-- Report rollups (issue 17): the 30-day team report read ~170,000 messages of the period (and probed the
-- history of each) on the 100,000-chat benchmark: 1.5 s. Three small tables, kept exact by one
-- statement-level trigger on messages (so every writer is covered: ingest, sends, the outbox settling a
-- send, retries, removals, merges), answer it from a few thousand rows:
-- * report_quarter_counts: customer messages and replies per connection and UTC quarter-hour, kept
--   as deltas. Quarter-hours, not days: a day in the viewer's time zone is a whole number of UTC
--   quarter-hours in every zone in use today (offsets such as +05:30 and +05:45 included);
-- * report_chat_starts: when each chat's conversation started (its first customer message or reply);
-- * customer_waits: one row per wait (a customer message nobody had yet answered) with the reply that
--   ended it, so first-response percentiles read the period's waits only.
-- The definitions are the report's (lib/reports/team-report.ts): a customer message is inbound and not
-- deleted; a reply is outbound and did not fail to send; notes and system events are neither.

CREATE TABLE "report_quarter_counts" (
  "connection_id" UUID NOT NULL,
  "quarter" TIMESTAMPTZ(3) NOT NULL,
  "customer_messages" INTEGER NOT NULL DEFAULT 0,
  "replies" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "report_quarter_counts_pkey" PRIMARY KEY ("quarter", "connection_id"),
  CONSTRAINT "report_quarter_counts_connection_id_fkey" FOREIGN KEY ("connection_id")
    REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "report_chat_starts" (
  "chat_id" INTEGER NOT NULL,
  "connection_id" UUID NOT NULL,
  "started_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "report_chat_starts_pkey" PRIMARY KEY ("chat_id"),
  CONSTRAINT "report_chat_starts_chat_id_fkey" FOREIGN KEY ("chat_id")
    REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "report_chat_starts_started_at_idx" ON "report_chat_starts"("started_at") INCLUDE ("connection_id");

CREATE TABLE "customer_waits" (
  -- The customer message the wait began with.
  "message_id" INTEGER NOT NULL,
  "chat_id" INTEGER NOT NULL,
  "connection_id" UUID NOT NULL,
  "asked_at" TIMESTAMPTZ(3) NOT NULL,
  "answered_at" TIMESTAMPTZ(3),
  "answered_by" TEXT,
  CONSTRAINT "customer_waits_pkey" PRIMARY KEY ("message_id"),
  CONSTRAINT "customer_waits_chat_id_fkey" FOREIGN KEY ("chat_id")
    REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "customer_waits_chat_id_asked_at_idx" ON "customer_waits"("chat_id", "asked_at");
CREATE INDEX "customer_waits_asked_at_idx" ON "customer_waits"("asked_at")
  INCLUDE ("answered_at", "answered_by", "connection_id", "chat_id");

-- The replies statement (per agent: replies and distinct chats) reads the index alone.
DROP INDEX "messages_reply_created_at_idx";
CREATE INDEX "messages_reply_created_at_idx" ON "messages"("created_at", "chat_id") INCLUDE ("sent_by_id")
  WHERE "direction" = 'outbound' AND "delivery_state" IS DISTINCT FROM 'failed';

/*
 * Recomputes the waits of some chats around a change of their messages between `changed_from` and
 * `changed_to` (the changed rows' old and new times), all chats in one pass. A message's wait depends
 * only on the customer message before it, the reply before it and the reply after it, so only waits
 * from the last one that began before the change up to the first reply after it can differ: they are
 * deleted and computed again with the report's own rules (index probes per customer message). A page
 * of old history costs its own range, not the whole chat.
 */
CREATE FUNCTION "report_refresh_waits"(p_chat INTEGER[], changed_from TIMESTAMPTZ[], changed_to TIMESTAMPTZ[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b_chat INTEGER[];
  b_lo TIMESTAMPTZ[];
  b_hi TIMESTAMPTZ[];
BEGIN
  SELECT array_agg(t.chat_id),
    array_agg(LEAST(t.changed_from, COALESCE((
      SELECT max(w.asked_at) FROM "customer_waits" w WHERE w.chat_id = t.chat_id AND w.asked_at < t.changed_from
    ), t.changed_from))),
    array_agg((
      SELECT min(r.created_at) FROM "messages" r
      WHERE r.chat_id = t.chat_id AND r.direction = 'outbound' AND r.delivery_state IS DISTINCT FROM 'failed'
        AND r.created_at > t.changed_to
    ))
  INTO b_chat, b_lo, b_hi
  FROM unnest(p_chat, changed_from, changed_to) AS t(chat_id, changed_from, changed_to);
  DELETE FROM "customer_waits" w USING unnest(b_chat, b_lo, b_hi) AS b(chat_id, lo, hi)
    WHERE w.chat_id = b.chat_id AND w.asked_at >= b.lo AND w.asked_at <= COALESCE(b.hi, 'infinity');
  INSERT INTO "customer_waits" (message_id, chat_id, connection_id, asked_at, answered_at, answered_by)
  SELECT a.id, a.chat_id, c.connection_id, a.created_at, ans.created_at, ans.sent_by_id
  FROM (
    SELECT m.id, m.chat_id, m.created_at,
      (SELECT p.created_at FROM "messages" p
        WHERE p.chat_id = m.chat_id AND p.direction = 'inbound' AND p.deleted_at IS NULL
          AND (p.created_at, p.id) < (m.created_at, m.id)
        ORDER BY p.created_at DESC, p.id DESC LIMIT 1) AS previous_message,
      (SELECT r.created_at FROM "messages" r
        WHERE r.chat_id = m.chat_id AND r.direction = 'outbound' AND r.delivery_state IS DISTINCT FROM 'failed'
          AND r.created_at < m.created_at
        ORDER BY r.created_at DESC LIMIT 1) AS previous_reply
    FROM unnest(b_chat, b_lo, b_hi) AS b(chat_id, lo, hi)
    JOIN "messages" m ON m.chat_id = b.chat_id AND m.created_at >= b.lo AND m.created_at <= COALESCE(b.hi, 'infinity')
    WHERE m.direction = 'inbound' AND m.deleted_at IS NULL
  ) a
  JOIN "chats" c ON c.id = a.chat_id
  LEFT JOIN LATERAL (
    SELECT r.created_at, r.sent_by_id FROM "messages" r
    WHERE r.chat_id = a.chat_id AND r.direction = 'outbound' AND r.delivery_state IS DISTINCT FROM 'failed'
      AND r.created_at >= a.created_at
    ORDER BY r.created_at, r.id LIMIT 1
  ) ans ON TRUE
  WHERE a.previous_message IS NULL OR a.previous_message <= a.previous_reply;
END $$;

/*
 * Applies a statement's changed messages (old rows with sign -1, new rows with +1; only rows whose
 * report-relevant fields changed) to the three tables, in a fixed number of statements however many
 * chats it touched. The chats are locked first, as ingest does, so two writers of one chat recompute
 * its waits one after the other, each seeing the other's messages.
 */
CREATE FUNCTION "report_apply_message_changes"(
  a_chat INTEGER[], a_at TIMESTAMPTZ[], a_customer BOOLEAN[], a_reply BOOLEAN[], a_sign INTEGER[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t_chat INTEGER[];
  t_from TIMESTAMPTZ[];
  t_to TIMESTAMPTZ[];
BEGIN
  SELECT array_agg(chat_id ORDER BY chat_id), array_agg(changed_from ORDER BY chat_id),
    array_agg(changed_to ORDER BY chat_id)
  INTO t_chat, t_from, t_to
  FROM (
    SELECT r.chat_id, min(r.at) AS changed_from, max(r.at) AS changed_to
    FROM unnest(a_chat, a_at, a_customer, a_reply) AS r(chat_id, at, customer, reply)
    WHERE r.customer OR r.reply
    GROUP BY r.chat_id
  ) touched;
  IF t_chat IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "chats" WHERE id = ANY(t_chat) ORDER BY id FOR NO KEY UPDATE;

  INSERT INTO "report_quarter_counts" (connection_id, quarter, customer_messages, replies)
  SELECT c.connection_id, date_bin('15 minutes', r.at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
    sum(CASE WHEN r.customer THEN r.sign ELSE 0 END), sum(CASE WHEN r.reply THEN r.sign ELSE 0 END)
  FROM unnest(a_chat, a_at, a_customer, a_reply, a_sign) AS r(chat_id, at, customer, reply, sign)
  JOIN "chats" c ON c.id = r.chat_id
  WHERE r.customer OR r.reply
  GROUP BY 1, 2
  HAVING sum(CASE WHEN r.customer THEN r.sign ELSE 0 END) <> 0 OR sum(CASE WHEN r.reply THEN r.sign ELSE 0 END) <> 0
  ORDER BY 2, 1
  ON CONFLICT (quarter, connection_id) DO UPDATE
    SET customer_messages = "report_quarter_counts".customer_messages + EXCLUDED.customer_messages,
        replies = "report_quarter_counts".replies + EXCLUDED.replies;

  PERFORM "report_refresh_waits"(t_chat, t_from, t_to);

  -- A chat's start is written only when it moved: most messages are not a chat's first.
  WITH firsts AS (
    SELECT c.id AS chat_id, c.connection_id, (
      SELECT min(m.created_at) FROM "messages" m
      WHERE m.chat_id = c.id AND ((m.direction = 'inbound' AND m.deleted_at IS NULL)
        OR (m.direction = 'outbound' AND m.delivery_state IS DISTINCT FROM 'failed'))
    ) AS first_at
    FROM "chats" c WHERE c.id = ANY(t_chat)
  ), gone AS (
    DELETE FROM "report_chat_starts" s USING firsts f WHERE s.chat_id = f.chat_id AND f.first_at IS NULL
  )
  INSERT INTO "report_chat_starts" (chat_id, connection_id, started_at)
  SELECT chat_id, connection_id, first_at FROM firsts WHERE first_at IS NOT NULL ORDER BY chat_id
  ON CONFLICT (chat_id) DO UPDATE SET started_at = EXCLUDED.started_at
    WHERE "report_chat_starts".started_at IS DISTINCT FROM EXCLUDED.started_at;
END $$;

CREATE FUNCTION "messages_report_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a_chat INTEGER[];
  a_at TIMESTAMPTZ[];
  a_customer BOOLEAN[];
  a_reply BOOLEAN[];
  a_sign INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.chat_id), array_agg(n.created_at),
      array_agg(n.direction = 'inbound' AND n.deleted_at IS NULL),
      array_agg(n.direction = 'outbound' AND n.delivery_state IS DISTINCT FROM 'failed'), array_agg(1)
    INTO a_chat, a_at, a_customer, a_reply, a_sign
    FROM new_rows n
    WHERE n.direction IN ('inbound', 'outbound');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.chat_id), array_agg(o.created_at),
      array_agg(o.direction = 'inbound' AND o.deleted_at IS NULL),
      array_agg(o.direction = 'outbound' AND o.delivery_state IS DISTINCT FROM 'failed'), array_agg(-1)
    INTO a_chat, a_at, a_customer, a_reply, a_sign
    FROM old_rows o
    WHERE o.direction IN ('inbound', 'outbound');
  ELSE
    WITH moved AS (
      SELECT o.chat_id AS old_chat, o.created_at AS old_at,
        o.direction = 'inbound' AND o.deleted_at IS NULL AS old_customer,
        o.direction = 'outbound' AND o.delivery_state IS DISTINCT FROM 'failed' AS old_reply,
        o.sent_by_id AS old_by,
        n.chat_id AS new_chat, n.created_at AS new_at,
        n.direction = 'inbound' AND n.deleted_at IS NULL AS new_customer,
        n.direction = 'outbound' AND n.delivery_state IS DISTINCT FROM 'failed' AS new_reply,
        n.sent_by_id AS new_by
      FROM old_rows o JOIN new_rows n ON n.id = o.id
    ), relevant AS (
      SELECT * FROM moved
      WHERE (old_customer OR old_reply OR new_customer OR new_reply)
        AND (old_chat, old_at, old_customer, old_reply, old_by) IS DISTINCT FROM
          (new_chat, new_at, new_customer, new_reply, new_by)
    ), sides AS (
      SELECT old_chat AS chat_id, old_at AS at, old_customer AS customer, old_reply AS reply, -1 AS sign FROM relevant
      UNION ALL
      SELECT new_chat, new_at, new_customer, new_reply, 1 FROM relevant
    )
    SELECT array_agg(s.chat_id), array_agg(s.at), array_agg(s.customer), array_agg(s.reply), array_agg(s.sign)
    INTO a_chat, a_at, a_customer, a_reply, a_sign
    FROM sides s;
  END IF;
  IF a_chat IS NOT NULL THEN
    PERFORM "report_apply_message_changes"(a_chat, a_at, a_customer, a_reply, a_sign);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "messages_report_rollups_insert" AFTER INSERT ON "messages"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "messages_report_rollups"();
CREATE TRIGGER "messages_report_rollups_update" AFTER UPDATE ON "messages"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "messages_report_rollups"();
CREATE TRIGGER "messages_report_rollups_delete" AFTER DELETE ON "messages"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "messages_report_rollups"();

-- Rebuilds the three tables from the stored messages: the backfill below, and the benchmark's seed, which
-- loads its messages in bulk without triggers.
CREATE FUNCTION "report_rebuild_rollups"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "report_quarter_counts";
  DELETE FROM "report_chat_starts";
  DELETE FROM "customer_waits";
  INSERT INTO "report_quarter_counts" (connection_id, quarter, customer_messages, replies)
  SELECT c.connection_id, date_bin('15 minutes', m.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'),
    count(*) FILTER (WHERE m.direction = 'inbound'), count(*) FILTER (WHERE m.direction = 'outbound')
  FROM "messages" m JOIN "chats" c ON c.id = m.chat_id
  WHERE (m.direction = 'inbound' AND m.deleted_at IS NULL)
    OR (m.direction = 'outbound' AND m.delivery_state IS DISTINCT FROM 'failed')
  GROUP BY 1, 2;
  INSERT INTO "report_chat_starts" (chat_id, connection_id, started_at)
  SELECT c.id, c.connection_id, min(m.created_at)
  FROM "messages" m JOIN "chats" c ON c.id = m.chat_id
  WHERE (m.direction = 'inbound' AND m.deleted_at IS NULL)
    OR (m.direction = 'outbound' AND m.delivery_state IS DISTINCT FROM 'failed')
  GROUP BY c.id, c.connection_id;
  PERFORM "report_refresh_waits"(array_agg(c.id), array_agg('-infinity'::timestamptz), array_agg('infinity'::timestamptz))
  FROM "chats" c
  WHERE EXISTS (SELECT 1 FROM "messages" m WHERE m.chat_id = c.id AND m.direction = 'inbound');
END $$;

SELECT "report_rebuild_rollups"();
ANALYZE "report_quarter_counts", "report_chat_starts", "customer_waits";
