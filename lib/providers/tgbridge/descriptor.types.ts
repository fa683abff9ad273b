import { z } from "zod";
import { MAX_SECRET_LENGTH, type ProviderInfo } from "@/lib/providers/descriptor.types";

/** Bridge ids are numbers; configuration gives them as text. */
const bridgeId = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, "must be a number")
    .transform(Number),
]);

export const tgbridgeSettingsSchema = z.object({
  /** The staff member the inbox acts as: GetChats' employeeId and the EmployeeId of what we send. */
  employeeId: bridgeId.nullish(),
  /** GetChats' `history`: closed chats too. */
  history: z.boolean().default(true),
  myChats: z.boolean().default(false),
  myTerritory: z.boolean().default(false),
  /** What to ask the bridge for (it answers DataContract XML or JSON). */
  format: z.enum(["json", "xml"]).default("json"),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
});

export const tgbridgeInfo = {
  kind: "tgbridge",
  displayName: "Telegram bridge",
  // A paper plane.
  icon: { background: "bg-sky-600", path: "M4 11.5 19 5l-2.6 13.2-4.6-3.6-2.4 2.3.3-3.7 6.8-6.1-8.4 5.2z" },
  defaultBaseUrl: null,
  credentialsSchema: z.object({ token: z.string().trim().min(1).max(MAX_SECRET_LENGTH).optional() }),
  settingsSchema: tgbridgeSettingsSchema,
  fields: [
    { target: "baseUrl", key: "baseUrl", label: "baseUrl", env: "TGBRIDGE_API_URL", required: true },
    { target: "credentials", key: "token", label: "bearerToken", env: "TGBRIDGE_API_TOKEN", required: false },
    { target: "settings", key: "employeeId", label: "employeeId", env: "TGBRIDGE_EMPLOYEE_ID", required: false },
  ],
  capabilities: ["listChats", "getChat", "listMessages", "sendText", "sendReply", "closeChat", "lookupByPhone"],
} as const satisfies ProviderInfo;
