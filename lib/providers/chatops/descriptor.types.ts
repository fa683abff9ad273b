import { z } from "zod";
import { MAX_SECRET_LENGTH, type ProviderInfo } from "@/lib/providers/descriptor.types";

export const chatopsSettingsSchema = z.object({
  /** Per request (default 15 000). */
  timeoutMs: z.number().positive().max(600_000).optional(),
  /** Our own rate limit per window (default 10; the API documents none). */
  requestsPerWindow: z.number().positive().max(10_000_000).optional(),
  /** The rate window (default 1 000). */
  rateLimitWindowMs: z.number().positive().max(3_600_000).optional(),
  /** The longest Retry-After a 429 may ask for and still be waited out (default 30 000). */
  maxRateLimitWaitMs: z.number().min(0).max(3_600_000).optional(),
});

export const chatopsInfo = {
  kind: "chatops",
  displayName: "Chat operations",
  // Two people.
  icon: {
    background: "bg-orange-600",
    path: "M9 11.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6m7 .5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5M3.5 18c0-2.8 2.5-5 5.5-5s5.5 2.2 5.5 5zm12 0c0-1.5-.5-2.9-1.4-4 .6-.3 1.2-.4 1.9-.4 2.3 0 4.5 1.8 4.5 4.4z",
  },
  defaultBaseUrl: null,
  credentialsSchema: z.object({ token: z.string().trim().min(1).max(MAX_SECRET_LENGTH) }),
  settingsSchema: chatopsSettingsSchema,
  fields: [
    { target: "baseUrl", key: "baseUrl", label: "baseUrl", env: "CHATOPS_API_URL", required: true },
    { target: "credentials", key: "token", label: "apiToken", env: "CHATOPS_API_TOKEN", required: true },
  ],
  capabilities: [
    "listChats",
    "getChat",
    "sendText",
    "invitationLink",
    "listParticipants",
    "removeParticipant",
    "createChat",
  ],
  // Its one send endpoint takes `{text, pinMessage?}`.
  outgoingFiles: { unavailable: "textOnly" },
} as const satisfies ProviderInfo;
