-- Files agents attach to replies. Kept in the database, so a send waiting in the outbox while its
-- provider is down loses nothing, and served to the provider from a signed URL (lib/outgoing-files).
-- message_id is set when the reply is sent; an upload never sent is deleted after a day.
CREATE TABLE outgoing_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chat_id integer NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
  message_id integer REFERENCES messages(id) ON DELETE CASCADE,
  uploaded_by_id text REFERENCES users(id) ON DELETE SET NULL ON UPDATE CASCADE,
  file_name text NOT NULL,
  mime_type text NOT NULL,
  kind "AttachmentKind" NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  content bytea NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX outgoing_files_message_id_idx ON outgoing_files (message_id);
CREATE INDEX outgoing_files_unsent_idx ON outgoing_files (created_at) WHERE message_id IS NULL;
