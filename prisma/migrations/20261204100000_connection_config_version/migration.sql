-- What a connection's provider object is built from (kind, base URL, credentials, settings)
-- gets a version of its own. The app keeps one provider object per connection, with its rate
-- limiter and sockets, and rebuilds it when this number changes; keying on updated_at rebuilt it
-- after every health or sync-progress write and dropped the limiter's memory of recent requests.
ALTER TABLE "connections" ADD COLUMN "config_version" INTEGER NOT NULL DEFAULT 1;

-- Bumped by the database, so no writer (start-up's configuration, admin pages) can forget it.
-- Sealed credentials change on every sealing (random nonce): a writer that keeps the same secret
-- writes back the stored ciphertext (lib/connections/configure.ts does).
CREATE FUNCTION "connections_bump_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."kind", NEW."base_url", NEW."credentials", NEW."settings")
      IS DISTINCT FROM (OLD."kind", OLD."base_url", OLD."credentials", OLD."settings") THEN
    NEW."config_version" := OLD."config_version" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "connections_config_version" BEFORE UPDATE OF "kind", "base_url", "credentials", "settings"
  ON "connections" FOR EACH ROW EXECUTE FUNCTION "connections_bump_config_version"();
