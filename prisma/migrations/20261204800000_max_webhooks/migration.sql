-- Webhook delivery (MAX, docs/providers/max.md "Webhooks"): the address the provider was asked to
-- deliver to, and the secret it sends back in a header, sealed like the credentials
-- (lib/crypto/secret-box.ts). Written by the sync only; never part of the configuration
-- (no config_version bump), so subscribing does not restart the sync.
ALTER TABLE "connections" ADD COLUMN "webhook_url" TEXT;
ALTER TABLE "connections" ADD COLUMN "webhook_secret" TEXT;
