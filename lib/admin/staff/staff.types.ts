/** Staff requests and answers the browser shares with the server (no server imports). */
import { z } from "zod";

export const STAFF_ROLES = ["admin", "agent"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

export type StaffStatus = "active" | "invited" | "deactivated";

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: StaffRoleName;
  status: StaffStatus;
  lastSignInAt: string | null;
  createdAt: string;
};

/** A one-time link to choose a password, shown once to the admin who made it. */
export type StaffLinkIssued = { url: string; expiresAt: string };

const name = z.string().trim().min(1).max(100);

export const ZInviteStaffRequest = z.object({
  name,
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  role: z.enum(STAFF_ROLES),
});
export type InviteStaffRequest = z.infer<typeof ZInviteStaffRequest>;

/** One change at a time: a role, (de)activation, or a password reset (a new one-time link). */
export const ZUpdateStaffRequest = z.union([
  z.object({ role: z.enum(STAFF_ROLES) }).strict(),
  z.object({ active: z.boolean() }).strict(),
  z.object({ resetPassword: z.literal(true) }).strict(),
]);
export type UpdateStaffRequest = z.infer<typeof ZUpdateStaffRequest>;

export const MIN_PASSWORD_LENGTH = 12;
/** Longer than any passphrase; scrypt of megabytes would be a cheap way to tie up the server. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Passwords that appear at the top of every leaked-password list (and their obvious variations
 * padded to 12 characters). A short list by design: the length rule does most of the work.
 */
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456123456",
  "111111111111",
  "000000000000",
  "qwertyuiopas",
  "qwertyuiop123",
  "qwerty123456",
  "qwertyqwerty",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "zaq12wsxcde3",
  "asdfghjkl123",
  "password1234",
  "password12345",
  "password123!",
  "passwordpassword",
  "password123456",
  "p@ssw0rd1234",
  "iloveyou1234",
  "letmein12345",
  "welcome12345",
  "welcome123456",
  "administrator",
  "admin1234567",
  "adminadmin123",
  "changeme1234",
  "abcdefghijkl",
  "abc123abc123",
  "abcd1234abcd",
  "football1234",
  "baseball1234",
  "sunshine1234",
  "princess1234",
  "dragon123456",
  "monkey123456",
  "superman1234",
  "trustno1trustno1",
  "supportinbox",
  "support12345",
  "йцукенгшщзхъ",
  "пароль123456",
]);

export type PasswordProblem = "tooShort" | "tooLong" | "common";

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || /^(.)\1+$/.test(folded)) return "common";
  return null;
}

/** A rough hint (0 weak … 3 strong) from length and the kinds of characters used. */
export function passwordStrength(password: string): 0 | 1 | 2 | 3 {
  if (passwordProblem(password) !== null) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(password)).length;
  const unique = new Set(password).size;
  if (password.length >= 20 && unique >= 10) return 3;
  if (password.length >= 16 || (kinds >= 3 && unique >= 8)) return 2;
  return 1;
}

const newPassword = z
  .string()
  .max(MAX_PASSWORD_LENGTH)
  .superRefine((password, context) => {
    const problem = passwordProblem(password);
    if (problem === "tooShort")
      context.addIssue({ code: "custom", message: `Use at least ${MIN_PASSWORD_LENGTH} characters` });
    if (problem === "common")
      context.addIssue({ code: "custom", message: "This password is too common; choose another" });
  });

export const ZSetPasswordRequest = z.object({ token: z.string().min(20).max(200), password: newPassword });
export type SetPasswordRequest = z.infer<typeof ZSetPasswordRequest>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword,
});
export type ChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZUpdateProfileRequest = z.object({ name });
export type UpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;
