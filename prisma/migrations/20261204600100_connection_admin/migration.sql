-- Connections added in the browser can be deleted: their chats are hidden (kept) until the admin
-- also chooses to delete the cached chats, which removes the row itself.
ALTER TABLE "connections" ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
