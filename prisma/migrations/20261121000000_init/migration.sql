-- Initial schema: staff and auth, provider connections, chats, messages, staff actions, live events.
-- Written by hand in the shape `prisma migrate` produces (names, types), because the schema
-- engine cannot be downloaded here. lib/db/schema-parity.test.ts checks it against schema.prisma.

CREATE TYPE "StaffRole" AS ENUM ('admin', 'agent');
CREATE TYPE "ProviderKind" AS ENUM ('tgbridge', 'smartsender', 'max', 'chatops');
CREATE TYPE "ConnectionHealth" AS ENUM ('unknown', 'ok', 'degraded', 'down');
CREATE TYPE "ChatKind" AS ENUM ('dialog', 'group', 'channel');
CREATE TYPE "ChatStatus" AS ENUM ('open', 'closed');
CREATE TYPE "MessageDirection" AS ENUM ('inbound', 'outbound', 'system');
CREATE TYPE "DeliveryState" AS ENUM ('pending', 'sent', 'delivered', 'read', 'failed');
CREATE TYPE "AttachmentKind" AS ENUM ('image', 'video', 'audio', 'voice', 'file', 'sticker', 'animation', 'location', 'contact', 'share', 'other');
CREATE TYPE "OutboxKind" AS ENUM ('mark_read', 'send_message', 'close_chat', 'remove_participant');
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'in_flight', 'done', 'failed');

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "StaffRole" NOT NULL DEFAULT 'agent',
    "locale" TEXT,
    "auto_mark_read" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

CREATE TABLE "login_failures" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "login_failures_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "connections" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "kind" "ProviderKind" NOT NULL,
    "display_name" TEXT NOT NULL,
    "base_url" TEXT NOT NULL,
    "credentials" TEXT,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "is_sandbox" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "health" "ConnectionHealth" NOT NULL DEFAULT 'unknown',
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "last_sync_at" TIMESTAMPTZ(3),
    "sync_cursor" JSONB,
    "backfill_done_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "connections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "connections_slug_key" ON "connections"("slug");

CREATE TABLE "chats" (
    "id" SERIAL NOT NULL,
    "connection_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "kind" "ChatKind" NOT NULL DEFAULT 'dialog',
    "title" TEXT NOT NULL,
    "avatar_url" TEXT,
    "status" "ChatStatus" NOT NULL DEFAULT 'open',
    "provider_status" TEXT,
    "phone" TEXT,
    "public_link" TEXT,
    "participants_count" INTEGER,
    "provider_unread_count" INTEGER,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "last_message_at" TIMESTAMPTZ(3),
    "activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_preview" TEXT,
    "last_inbound_at" TIMESTAMPTZ(3),
    "agent_last_seen_at" TIMESTAMPTZ(3),
    "marked_unread" BOOLEAN NOT NULL DEFAULT false,
    "provider_created_at" TIMESTAMPTZ(3),
    "messages_synced_at" TIMESTAMPTZ(3),
    "older_messages_cursor" TEXT,
    "has_older_messages" BOOLEAN NOT NULL DEFAULT true,
    "raw" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "chats_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "chats_connection_id_external_id_key" ON "chats"("connection_id", "external_id");
CREATE INDEX "chats_activity_at_id_idx" ON "chats"("activity_at" DESC, "id" DESC);
CREATE INDEX "chats_connection_id_activity_at_id_idx" ON "chats"("connection_id", "activity_at" DESC, "id" DESC);
CREATE INDEX "chats_status_activity_at_id_idx" ON "chats"("status", "activity_at" DESC, "id" DESC);

CREATE TABLE "messages" (
    "id" SERIAL NOT NULL,
    "chat_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "system_event" TEXT,
    "author_name" TEXT,
    "author_external_id" TEXT,
    "text" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "reply_to_external_id" TEXT,
    "reply_to_id" INTEGER,
    "reply_quote_author" TEXT,
    "reply_quote_text" TEXT,
    "delivery_state" "DeliveryState",
    "delivery_error" TEXT,
    "client_id" UUID,
    "sent_by_id" TEXT,
    "raw" JSONB,
    "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, COALESCE("text", ''))) STORED,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "messages_client_id_key" ON "messages"("client_id");
CREATE UNIQUE INDEX "messages_chat_id_external_id_key" ON "messages"("chat_id", "external_id");
CREATE INDEX "messages_chat_id_created_at_id_idx" ON "messages"("chat_id", "created_at" DESC, "id" DESC);
CREATE INDEX "messages_chat_id_reply_to_external_id_idx" ON "messages"("chat_id", "reply_to_external_id");
CREATE INDEX "messages_reply_to_id_idx" ON "messages"("reply_to_id");

CREATE TABLE "reactions" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "emoji" TEXT NOT NULL,
    "author_external_id" TEXT,
    "author_name" TEXT,
    CONSTRAINT "reactions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reactions_message_id_idx" ON "reactions"("message_id");

CREATE TABLE "attachments" (
    "id" SERIAL NOT NULL,
    "message_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "kind" "AttachmentKind" NOT NULL,
    "url" TEXT,
    "file_name" TEXT,
    "mime_type" TEXT,
    "size" BIGINT,
    "width" INTEGER,
    "height" INTEGER,
    "duration_sec" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "title" TEXT,
    "raw" JSONB,
    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "attachments_message_id_idx" ON "attachments"("message_id");

CREATE TABLE "participants" (
    "id" SERIAL NOT NULL,
    "chat_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT,
    "username" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_bot" BOOLEAN NOT NULL DEFAULT false,
    "joined_at" TIMESTAMPTZ(3),
    "invited_by" TEXT,
    "raw" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "participants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "participants_chat_id_external_id_key" ON "participants"("chat_id", "external_id");

CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT,
    "action" TEXT NOT NULL,
    "chat_id" INTEGER,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);
CREATE INDEX "audit_log_chat_id_created_at_idx" ON "audit_log"("chat_id", "created_at" DESC);

CREATE TABLE "outbox_actions" (
    "id" SERIAL NOT NULL,
    "connection_id" UUID NOT NULL,
    "chat_id" INTEGER,
    "message_id" INTEGER,
    "kind" "OutboxKind" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "idempotency_key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_actions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "outbox_actions_idempotency_key_key" ON "outbox_actions"("idempotency_key");
CREATE INDEX "outbox_actions_status_next_attempt_at_idx" ON "outbox_actions"("status", "next_attempt_at");
CREATE INDEX "outbox_actions_chat_id_idx" ON "outbox_actions"("chat_id");
CREATE INDEX "outbox_actions_message_id_idx" ON "outbox_actions"("message_id");

CREATE TABLE "change_events" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "change_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "change_events_created_at_idx" ON "change_events"("created_at");

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chats" ADD CONSTRAINT "chats_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "messages" ADD CONSTRAINT "messages_reply_to_id_fkey" FOREIGN KEY ("reply_to_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reactions" ADD CONSTRAINT "reactions_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "participants" ADD CONSTRAINT "participants_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "outbox_actions" ADD CONSTRAINT "outbox_actions_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outbox_actions" ADD CONSTRAINT "outbox_actions_chat_id_fkey" FOREIGN KEY ("chat_id") REFERENCES "chats"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outbox_actions" ADD CONSTRAINT "outbox_actions_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outbox_actions" ADD CONSTRAINT "outbox_actions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Partial index for the "unread only" filter and the unread totals: only unread chats are indexed.
CREATE INDEX "chats_unread_activity_at_id_idx" ON "chats"("activity_at" DESC, "id" DESC) INCLUDE ("connection_id", "unread_count") WHERE "unread_count" > 0;

-- The list's sort key follows the chat's own times whoever writes the row.
CREATE FUNCTION "chats_set_activity_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."activity_at" := COALESCE(NEW."last_message_at", NEW."provider_created_at", NEW."created_at");
  RETURN NEW;
END;
$$;
CREATE TRIGGER "chats_activity_at" BEFORE INSERT OR UPDATE OF "last_message_at", "provider_created_at" ON "chats"
  FOR EACH ROW EXECUTE FUNCTION "chats_set_activity_at"();

-- Search: substrings of titles and phones (trigrams), words of message texts (full text; the
-- 'russian' configuration stems Cyrillic words with the Russian stemmer and Latin ones with English).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "chats_title_trgm_idx" ON "chats" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "chats_phone_trgm_idx" ON "chats" USING GIN ("phone" gin_trgm_ops);
CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN ("search_vector");

-- Every inserted change event is announced to every listening app instance.
CREATE FUNCTION "notify_change_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  message TEXT := json_build_object('id', NEW."id"::text, 'type', NEW."type", 'payload', NEW."payload")::text;
BEGIN
  -- NOTIFY payloads are capped at 8000 bytes; listeners fetch an oversized event by id.
  IF octet_length(message) > 7900 THEN
    message := json_build_object('id', NEW."id"::text)::text;
  END IF;
  PERFORM pg_notify('inbox_events', message);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "change_events_notify" AFTER INSERT ON "change_events"
  FOR EACH ROW EXECUTE FUNCTION "notify_change_event"();
