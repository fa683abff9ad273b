-- Saved replies: the team's (owner_id NULL, managed by admins) and each agent's own.
CREATE TABLE canned_replies (
  id serial PRIMARY KEY,
  owner_id text REFERENCES users(id) ON DELETE CASCADE ON UPDATE CASCADE,
  title text NOT NULL,
  text text NOT NULL,
  shortcut text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX canned_replies_owner_id_idx ON canned_replies (owner_id);
-- A shortcut word picks one reply: unique among the team's, and among each agent's own.
CREATE UNIQUE INDEX canned_replies_shortcut_key ON canned_replies (coalesce(owner_id, ''), lower(shortcut))
  WHERE shortcut IS NOT NULL;
