import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { StaffLinkIssued } from "@/lib/admin/staff/staff.types";
import { appOrigin } from "@/lib/app-origin";
import type { DbClient } from "@/lib/db";

export const STAFF_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type StaffLinkPurpose = "invite" | "reset";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A new one-time link for `userId` (valid 7 days); any earlier unused link of that person stops
 * working. Only the token's hash is stored, so the link is shown once, to the admin who made it.
 */
export async function issueStaffLink(
  client: DbClient,
  options: { userId: string; purpose: StaffLinkPurpose; createdById: string | null; now?: Date },
): Promise<StaffLinkIssued> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + STAFF_LINK_DAYS * DAY_MS);
  await client.staffLink.updateMany({ where: { userId: options.userId, usedAt: null }, data: { expiresAt: now } });
  await client.staffLink.create({
    data: {
      userId: options.userId,
      purpose: options.purpose,
      tokenHash: hashOf(token),
      expiresAt,
      createdById: options.createdById,
    },
  });
  return { url: `${appOrigin()}/set-password/${token}`, expiresAt: expiresAt.toISOString() };
}

export type StaffLinkState =
  | { state: "valid"; userId: string; purpose: StaffLinkPurpose; name: string; email: string }
  | { state: "expired" | "used" | "unknown" };

/** What a link is worth now (for the page that opens it); changes nothing. */
export async function inspectStaffLink(client: DbClient, token: string, now = new Date()): Promise<StaffLinkState> {
  const link = await client.staffLink.findUnique({
    where: { tokenHash: hashOf(token) },
    include: { user: { select: { name: true, email: true, banned: true } } },
  });
  if (!link || link.user.banned) return { state: "unknown" };
  if (link.usedAt) return { state: "used" };
  if (link.expiresAt <= now) return { state: "expired" };
  return {
    state: "valid",
    userId: link.userId,
    purpose: link.purpose === "reset" ? "reset" : "invite",
    name: link.user.name,
    email: link.user.email,
  };
}

/**
 * Uses the link up, atomically: of two requests with the same token exactly one gets the person,
 * the other learns why not.
 */
export async function consumeStaffLink(
  client: DbClient,
  token: string,
  now = new Date(),
): Promise<{ userId: string } | { state: "expired" | "used" | "unknown" }> {
  const claimed = await client.staffLink.updateManyAndReturn({
    where: { tokenHash: hashOf(token), usedAt: null, expiresAt: { gt: now }, user: { banned: false } },
    data: { usedAt: now },
    select: { userId: true },
  });
  const [first] = claimed;
  if (first) return { userId: first.userId };
  const state = await inspectStaffLink(client, token, now);
  return { state: state.state === "valid" ? "used" : state.state };
}
