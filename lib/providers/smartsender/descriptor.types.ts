import { z } from "zod";
import { MAX_SECRET_LENGTH, type ProviderInfo } from "@/lib/providers/descriptor.types";

const positive = (max: number) => z.number().positive().max(max).optional();

export const smartsenderSettingsSchema = z.object({
  /** Per request (default 15 000). */
  timeoutMs: positive(600_000),
  /** SmartSender's limit per rate window (default 180); we stay 5% under it. */
  requestsPerMinute: positive(10_000_000),
  /** The rate window (default 60 000). */
  rateLimitWindowMs: positive(3_600_000),
  /** The first lockout after a 429 (default 60 000), growing by as much per breach. */
  lockoutMs: positive(86_400_000),
  /** The longest lockout (default 720 000). */
  maxLockoutMs: positive(86_400_000),
  /** Pages of open chats re-read per polling cycle besides the unread ones (default 5). */
  rollingPages: z.number().int().min(0).max(250).optional(),
});

export const smartsenderInfo = {
  kind: "smartsender",
  displayName: "SmartSender",
  // A speech bubble.
  icon: {
    background: "bg-emerald-600",
    path: "M5 6.5C5 5.7 5.7 5 6.5 5h11c.8 0 1.5.7 1.5 1.5v7c0 .8-.7 1.5-1.5 1.5H10l-3.5 3v-3h0c-.8 0-1.5-.7-1.5-1.5z",
  },
  defaultBaseUrl: "https://api.smartsender.com",
  credentialsSchema: z.object({ token: z.string().trim().min(1).max(MAX_SECRET_LENGTH) }),
  settingsSchema: smartsenderSettingsSchema,
  fields: [
    { target: "baseUrl", key: "baseUrl", label: "baseUrl", env: "SMARTSENDER_API_URL", required: false },
    { target: "credentials", key: "token", label: "projectToken", env: "SMARTSENDER_API_TOKEN", required: true },
  ],
  capabilities: ["listChats", "getChat", "listMessages", "markRead", "sendText", "sendFile", "closeChat"],
  outgoingFiles: {
    // The documents give no limits; SmartSender downloads `media` and forwards it to the messenger, and
    // Telegram's limits for files sent by URL are the strictest of its channels (docs/providers/smartsender.md).
    policy: {
      rules: [
        { kind: "image", mimeTypes: ["image/jpeg", "image/png", "image/gif", "image/webp"], maxBytes: 5 * 1024 * 1024 },
        { kind: "file", mimeTypes: "any", maxBytes: 20 * 1024 * 1024 },
      ],
      maxFiles: 1,
      withText: false,
      downloadsFromInbox: true,
    },
  },
} as const satisfies ProviderInfo;
