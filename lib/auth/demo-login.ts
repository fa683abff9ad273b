import { z } from "zod";

/** Set by the start script in demo mode only, so the login page can show the sandbox admin's credentials. */
export const DEMO_LOGIN_ENV = "INBOX_DEMO_LOGIN";

const demoLoginSchema = z.object({ email: z.string(), password: z.string() });

export function demoLoginHint(): z.infer<typeof demoLoginSchema> | null {
  const value = process.env[DEMO_LOGIN_ENV];
  if (!value) return null;
  const parsed = demoLoginSchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : null;
}
