-- The sync's per-chat change marker: what the provider's chat list said about the chat (last
-- message time, preview, unread count) when its newest messages were last fetched. A polling
-- cycle fetches a chat's messages again only when the provider's marker has moved.
ALTER TABLE "chats" ADD COLUMN "sync_marker" TEXT;
