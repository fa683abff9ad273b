-- Outbox delivery (lib/outbox/worker.ts).

-- When a send may have reached the provider without our seeing the answer (a timeout, a lost
-- connection, a crashed instance): the next attempt asks the provider first, so one click is
-- never sent twice.
ALTER TABLE "outbox_actions" ADD COLUMN "unconfirmed_since" TIMESTAMPTZ(3);

-- Actions of a chat are delivered in the order they were made: the claim looks for an earlier
-- unfinished action of the same chat, among the few unfinished rows only.
CREATE INDEX "outbox_actions_unfinished_chat_id_id_idx" ON "outbox_actions"("chat_id", "id")
  WHERE "status" IN ('pending', 'in_flight');
