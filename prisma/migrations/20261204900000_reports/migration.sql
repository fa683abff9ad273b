-- Reports (issue 17). Every change of a chat's inbox status is kept as a row, written by a trigger
-- so that every path (the workflow service, snooze expiry, a customer reopening a chat) is covered;
-- resolution time is read from these rows. The time is the chat's own `status_changed_at`, which every
-- writer sets with the change. Reports read messages by time over all chats: partial indexes on the
-- customer's messages and the team's replies keep a 30-day report to an index range.
CREATE TABLE "chat_status_changes" (
  "id" BIGSERIAL NOT NULL,
  "chat_id" INTEGER NOT NULL,
  "from_status" "InboxStatus" NOT NULL,
  "to_status" "InboxStatus" NOT NULL,
  "changed_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "chat_status_changes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "chat_status_changes_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "chat_status_changes_chat_id_changed_at_idx" ON "chat_status_changes"("chat_id", "changed_at");
CREATE INDEX "chat_status_changes_resolved_idx" ON "chat_status_changes"("changed_at") WHERE "to_status" = 'resolved';

CREATE FUNCTION record_chat_status_change() RETURNS trigger AS $$
BEGIN
  INSERT INTO chat_status_changes (chat_id, from_status, to_status, changed_at)
  VALUES (NEW.id, OLD.inbox_status, NEW.inbox_status, COALESCE(NEW.status_changed_at, now()));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER chats_record_status_change
AFTER UPDATE OF inbox_status ON chats
FOR EACH ROW WHEN (OLD.inbox_status IS DISTINCT FROM NEW.inbox_status)
EXECUTE FUNCTION record_chat_status_change();

CREATE INDEX "messages_inbound_created_at_idx" ON "messages"("created_at", "chat_id")
  WHERE "direction" = 'inbound' AND "deleted_at" IS NULL;
CREATE INDEX "messages_reply_created_at_idx" ON "messages"("created_at", "chat_id")
  WHERE "direction" = 'outbound' AND "delivery_state" IS DISTINCT FROM 'failed';
