-- Private notes live in the thread as messages of their own direction: stored and searched with the
-- rest of the thread, never sent to a provider, never counted as a reply or as unread. Alone in its
-- migration: a new enum value cannot be used in the transaction that adds it.
ALTER TYPE "MessageDirection" ADD VALUE 'note';
