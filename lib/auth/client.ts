import { createAuthClient } from "better-auth/react";

/** Browser side of Better Auth; same origin as the app, so no base URL is needed. */
export const authClient = createAuthClient();
