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

/**
 * A MessageType number. The numbering (0 CloseChatMode … 2 Message …) comes from one unpublished
 * description only (docs/providers/tgbridge.md "MessageType"), so what we send is a setting.
 */
const messageType = z.union([
  z.number().int().min(0).max(255),
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "must be a number from 0 to 255")
    .transform(Number)
    .pipe(z.number().max(255, "must be a number from 0 to 255")),
]);

/** Today's numbers, from that description: Message (2) to send, CloseChatMode (0) to close. */
export const DEFAULT_SEND_MESSAGE_TYPE = 2;
export const DEFAULT_CLOSE_MESSAGE_TYPE = 0;

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
  /** The MessageType of a text we send (SendChatTGMessage). */
  sendMessageType: messageType.default(DEFAULT_SEND_MESSAGE_TYPE),
  /** The MessageType whose message closes a chat. */
  closeMessageType: messageType.default(DEFAULT_CLOSE_MESSAGE_TYPE),
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
    {
      target: "settings",
      key: "sendMessageType",
      label: "sendMessageType",
      env: "TGBRIDGE_SEND_MESSAGE_TYPE",
      required: false,
    },
    {
      target: "settings",
      key: "closeMessageType",
      label: "closeMessageType",
      env: "TGBRIDGE_CLOSE_MESSAGE_TYPE",
      required: false,
    },
  ],
  capabilities: ["listChats", "getChat", "listMessages", "sendText", "sendReply", "closeChat", "lookupByPhone"],
  // Its messages list attachments by file name only; nothing in its description sends a file.
  outgoingFiles: { unavailable: "textOnly" },
} as const satisfies ProviderInfo;
