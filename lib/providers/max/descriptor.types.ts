import { z } from "zod";
import { MAX_SECRET_LENGTH, type ProviderInfo } from "@/lib/providers/descriptor.types";

export const maxSettingsSchema = z.looseObject({
  /** Per request (tests use a short one). */
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  /** Messages per GET /messages (default 100). */
  pageSize: z.number().int().min(1).max(100).optional(),
});

export const maxInfo = {
  kind: "max",
  displayName: "MAX",
  // An "M".
  icon: { background: "bg-violet-600", path: "M5 18V6h2.6l4.4 6.3L16.4 6H19v12h-2.6v-7.6L12 16.6l-4.4-6.2V18z" },
  defaultBaseUrl: "https://platform-api2.max.ru",
  credentialsSchema: z.object({ token: z.string().trim().min(1).max(MAX_SECRET_LENGTH) }),
  settingsSchema: maxSettingsSchema,
  fields: [
    { target: "baseUrl", key: "baseUrl", label: "baseUrl", env: "MAX_API_URL", required: false },
    { target: "credentials", key: "token", label: "botToken", env: "MAX_BOT_TOKEN", required: true },
  ],
  capabilities: [
    "getChat",
    "listMessages",
    "pollUpdates",
    "sendText",
    "sendFile",
    "sendReply",
    "invitationLink",
    "listParticipants",
    "lookupByLink",
  ],
  outgoingFiles: {
    // Uploaded to MAX's own upload service (POST /uploads), so MAX never needs to reach the inbox.
    // Its documents allow files up to 4 GB; the inbox keeps what it sends in Postgres, so 20 MB.
    // One file per message, its text as the message's text (docs/providers/max.md "Sending files").
    policy: {
      rules: [
        {
          kind: "image",
          mimeTypes: ["image/jpeg", "image/png", "image/gif", "image/webp"],
          maxBytes: 20 * 1024 * 1024,
        },
        { kind: "file", mimeTypes: "any", maxBytes: 20 * 1024 * 1024 },
      ],
      maxFiles: 1,
      withText: true,
      downloadsFromInbox: false,
    },
  },
} as const satisfies ProviderInfo;
