import { env } from "@/lib/env";

/**
 * The origin the inbox is served from: APP_URL's, else the local address `npm start` prints.
 * Redirect targets and the Origin of every state-changing request are compared with it.
 */
export function appOrigin(): string {
  const { APP_URL, PORT } = env();
  return APP_URL ? new URL(APP_URL).origin : `http://localhost:${PORT}`;
}

/**
 * Origins a browser may legitimately send: APP_URL's alone when it is set; without it the
 * local names of this machine, since `npm start` is opened as localhost or 127.0.0.1.
 */
export function appOrigins(): string[] {
  const { APP_URL, PORT } = env();
  if (APP_URL) return [new URL(APP_URL).origin];
  return [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`, `http://[::1]:${PORT}`];
}
