-- Outage alerts (README "Outage alerts"): a connection that goes down, or stays degraded past a
-- threshold, opens one alert; it closes when the connection is ok again. Several app instances run
-- the same checks: the partial unique index lets exactly one of them open an alert, and
-- `UPDATE ... WHERE closed_at IS NULL` lets exactly one close it.

-- Since when the connection has been degraded or down without an ok in between (null while ok).
ALTER TABLE "connections" ADD COLUMN "unhealthy_since" TIMESTAMPTZ(3);
-- The optional outgoing webhook posted on down and recovered; its HMAC secret sealed like `credentials`.
ALTER TABLE "connections" ADD COLUMN "alert_webhook_url" TEXT;
ALTER TABLE "connections" ADD COLUMN "alert_webhook_secret" TEXT;

UPDATE "connections" SET "unhealthy_since" = COALESCE("last_error_at", now()) WHERE "health" IN ('degraded', 'down');

CREATE TABLE "connection_alerts" (
  "id" BIGSERIAL PRIMARY KEY,
  "connection_id" UUID NOT NULL REFERENCES "connections" ("id") ON DELETE CASCADE,
  -- 'down' or 'degraded': what the connection was when the alert opened.
  "cause" TEXT NOT NULL,
  "error" TEXT,
  -- When the trouble began (the connection's unhealthy_since), not when the alert was noticed.
  "started_at" TIMESTAMPTZ(3) NOT NULL,
  "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "closed_at" TIMESTAMPTZ(3),
  -- 'recovered', or 'disabled' when an admin turned the connection off (or deleted it) while it was failing.
  "resolution" TEXT,
  "duration_seconds" INTEGER
);
CREATE UNIQUE INDEX "connection_alerts_open_key" ON "connection_alerts" ("connection_id") WHERE "closed_at" IS NULL;
CREATE INDEX "connection_alerts_closed_at_idx" ON "connection_alerts" ("closed_at");

-- One row per transition and webhook (unique (alert, event)), written in the transaction that opened
-- or closed the alert: a crash before the POST loses nothing, and the pump retries it.
CREATE TABLE "alert_webhook_deliveries" (
  "id" BIGSERIAL PRIMARY KEY,
  "alert_id" BIGINT NOT NULL REFERENCES "connection_alerts" ("id") ON DELETE CASCADE,
  "connection_id" UUID NOT NULL REFERENCES "connections" ("id") ON DELETE CASCADE,
  -- 'down' or 'recovered'
  "event" TEXT NOT NULL,
  -- The exact JSON posted (and signed) on every attempt.
  "body" TEXT NOT NULL,
  -- 'pending', 'delivered' or 'failed' (attempts used up, or the webhook was removed).
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  -- An instance posting it holds it until then; past it, another instance may take it over.
  "leased_until" TIMESTAMPTZ(3),
  "last_status_code" INTEGER,
  "last_error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "delivered_at" TIMESTAMPTZ(3),
  CONSTRAINT "alert_webhook_deliveries_alert_id_event_key" UNIQUE ("alert_id", "event")
);
CREATE INDEX "alert_webhook_deliveries_due_idx" ON "alert_webhook_deliveries" ("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "alert_webhook_deliveries_connection_id_created_at_idx" ON "alert_webhook_deliveries" ("connection_id", "created_at" DESC);
