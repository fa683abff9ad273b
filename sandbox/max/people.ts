/**
 * People in the MAX sandbox: the bot, customers as MAX's User / UserWithPhoto / ChatMember
 * objects (docs/providers/max.md; seed docs/providers/seeds/003_1ec703991a94c4d2.txt for
 * `dialog_with_user`).
 */

import { intBetween, type Locale, personName, pick } from "@/sandbox/core/corpus";
import { mediaUrl } from "@/sandbox/core/media";
import type { World } from "@/sandbox/max/store";
import type { WireMember, WireUser, WireUserWithPhoto } from "@/sandbox/max/wire";

const DAY = 86_400_000;

/** The sandbox bot, as the fixtures show it (the sender of their outbound messages). */
export const SANDBOX_BOT: WireUser = {
  user_id: 590001,
  first_name: "Поддержка магазина",
  last_name: null,
  username: "inbox_support_bot",
  is_bot: true,
  last_activity_time: 1795165200000,
  name: "Поддержка магазина",
};

const HANDLES = ["sunny", "kyiv_buyer", "olga_shop", "techguy", "mama_dasha", "lviv_cat", "night_owl", "green_tea"];

const ADMIN_PERMISSIONS = ["read_all_messages", "add_remove_members", "pin_message", "write", "change_chat_info"];

export function sandboxUser(
  world: World,
  userId: number,
  locale: Locale,
  name = personName(world.rng, locale),
): WireUser {
  const [firstName = name, ...rest] = name.split(" ");
  return {
    user_id: userId,
    first_name: firstName,
    last_name: rest.length > 0 ? rest.join(" ") : null,
    username: world.rng() < 0.7 ? `${pick(world.rng, HANDLES)}_${userId}` : null,
    is_bot: false,
    last_activity_time: Date.now() - intBetween(world.rng, 0, 3 * DAY),
    name,
  };
}

export function withPhoto(world: World, user: WireUser): WireUserWithPhoto {
  return {
    ...user,
    description: null,
    avatar_url: mediaUrl(world.baseUrl, `avatar-${user.user_id}.png`),
    full_avatar_url: mediaUrl(world.baseUrl, `avatar-${user.user_id}-full.png`),
  };
}

export function asMember(
  world: World,
  user: WireUser,
  joinedAt: number,
  role: "owner" | "admin" | "member",
): WireMember {
  return {
    ...withPhoto(world, user),
    last_access_time: user.last_activity_time,
    is_owner: role === "owner",
    is_admin: role !== "member",
    join_time: joinedAt,
    permissions: role === "member" ? null : ADMIN_PERMISSIONS,
    alias: null,
  };
}

/** The plain User part of a member or user-with-photo: what MAX puts in `sender` and updates. */
export function plainUser(user: WireUser): WireUser {
  const { user_id, first_name, last_name, username, is_bot, last_activity_time, name } = user;
  return { user_id, first_name, last_name, username, is_bot, last_activity_time, name };
}
