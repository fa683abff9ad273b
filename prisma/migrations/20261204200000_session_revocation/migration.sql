-- Session revocation reaches every instance at once: each instance keeps the sessions it verified
-- for a few seconds, and drops them when told here that a session row was deleted or changed
-- (sign-out, expiry, revocation) or that its user changed (role, deactivation, password).
-- lib/auth/session-watch.ts LISTENs on this channel.
CREATE FUNCTION "notify_session_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('inbox_sessions', json_build_object('session', OLD."id", 'user', OLD."user_id")::text);
  ELSE
    PERFORM pg_notify('inbox_sessions', json_build_object('user', OLD."id")::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "sessions_notify_change" AFTER UPDATE OR DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_change"();

CREATE TRIGGER "users_notify_change" AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "notify_session_change"();
