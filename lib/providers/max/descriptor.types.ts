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
    "sendReply",
    "invitationLink",
    "listParticipants",
    "lookupByLink",
  ],
  // MAX takes files only through its own upload service (POST /uploads, then a token), not built yet.
  outgoingFiles: { unavailable: "uploadNotBuilt" },
} as const satisfies ProviderInfo;
