-- Staff accounts managed in the browser (issue 11).
-- Better Auth's admin plugin keeps deactivation in users.banned (with a reason and an end) and
-- marks impersonated sessions; the inbox never impersonates, but the plugin's schema names it.
ALTER TABLE "users"
  ADD COLUMN "banned" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "ban_reason" TEXT,
  ADD COLUMN "ban_expires" TIMESTAMPTZ(3),
  -- Set when the person first chose a password (accounts made before this are active already).
  ADD COLUMN "activated_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_sign_in_at" TIMESTAMPTZ(3);
UPDATE "users" SET "activated_at" = "created_at";

ALTER TABLE "sessions" ADD COLUMN "impersonated_by" TEXT;

-- One-time links that let a person choose a password: an invitation, or a reset by an admin.
-- Only a hash of the token is kept; a link is used once and expires.
CREATE TABLE "staff_links" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id" TEXT NOT NULL,
  "purpose" TEXT NOT NULL CHECK ("purpose" IN ('invite', 'reset')),
  "token_hash" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "created_by_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "staff_links_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "staff_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "staff_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "staff_links_token_hash_key" ON "staff_links"("token_hash");
CREATE INDEX "staff_links_user_id_idx" ON "staff_links"("user_id");

-- The audit log is append-only: no entry is changed or removed. The one change allowed is the
-- database's own ON DELETE SET NULL when a referenced chat or user row goes away.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF (NEW."id", NEW."action", NEW."details", NEW."created_at") IS DISTINCT FROM (OLD."id", OLD."action", OLD."details", OLD."created_at")
     OR (NEW."user_id" IS NOT NULL AND NEW."user_id" IS DISTINCT FROM OLD."user_id")
     OR (NEW."chat_id" IS NOT NULL AND NEW."chat_id" IS DISTINCT FROM OLD."chat_id") THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE INDEX "audit_log_user_id_created_at_idx" ON "audit_log"("user_id", "created_at" DESC);
CREATE INDEX "audit_log_action_created_at_idx" ON "audit_log"("action", "created_at" DESC);
