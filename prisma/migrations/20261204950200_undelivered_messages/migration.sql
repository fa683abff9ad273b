-- The Not delivered view: outgoing messages that failed or are still unconfirmed. Few rows at any
-- time, so the view and its count read this small index, never the messages.
CREATE INDEX messages_undelivered_idx ON messages (chat_id, created_at)
  WHERE direction = 'outbound' AND delivery_state IN ('failed', 'pending');
