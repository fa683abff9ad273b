/**
 * The MAX objects the sandbox stores and serves, typed from the documents themselves (seed
 * docs/providers/seeds/003_1ec703991a94c4d2.txt for Chat, docs/providers/max.md for the rest), not
 * from the adapter's schemas, so the fake checks the adapter instead of mirroring it.
 */
export type WireChatType = "chat" | "dialog" | "channel";

export type WireUser = {
  user_id: number;
  first_name: string;
  last_name: string | null;
  username: string | null;
  is_bot: boolean;
  last_activity_time: number;
  name: string;
};

export type WireUserWithPhoto = WireUser & {
  description: string | null;
  avatar_url: string;
  full_avatar_url: string;
};

export type WireMember = WireUserWithPhoto & {
  last_access_time: number;
  is_owner: boolean;
  is_admin: boolean;
  join_time: number;
  permissions: string[] | null;
  alias: string | null;
};

export type WireAttachment = { type: string } & Record<string, unknown>;

export type WireBody = { mid: string; seq: number; text: string | null; attachments: WireAttachment[] | null };

export type WireMessage = {
  sender: WireUser | null;
  recipient: { chat_id: number; chat_type: WireChatType; user_id: number | null };
  timestamp: number;
  link?: { type: "reply" | "forward"; sender: WireUser | null; chat_id?: number; message: WireBody };
  body: WireBody;
  stat?: { views: number };
  url?: string;
};

export type WireChat = {
  chat_id: number;
  type: WireChatType;
  status: string;
  title: string | null;
  icon: { url: string } | null;
  last_event_time: number;
  participants_count: number;
  owner_id?: number | null;
  participants?: Record<string, number> | null;
  is_public: boolean;
  link?: string | null;
  description: string | null;
  dialog_with_user?: WireUserWithPhoto | null;
  chat_message_id?: string | null;
  pinned_message?: WireMessage | null;
  messages_count?: number | null;
};

/** An event a polling bot receives from `GET /updates`. */
export type WireUpdate = { update_type: string; timestamp: number } & Record<string, unknown>;
