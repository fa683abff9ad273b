import { createAuthClient } from "better-auth/react";

/**
 * Browser side of Better Auth; same origin as the app, so no base URL is needed. Every call is
 * sent as JSON (sign-out too, which has no body): the server refuses other changes as cross-site.
 */
export const authClient = createAuthClient({ fetchOptions: { headers: { "content-type": "application/json" } } });
