import { z } from "zod";
import { publicRoute } from "@/lib/api/handler";
import { authEndpoint } from "@/lib/auth/endpoints";

export const dynamic = "force-dynamic";

/** Sign-in and sign-out bodies are a few short fields. */
const ZAuthBody = z.record(z.string(), z.unknown()).optional();
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export const GET = publicRoute({}, ({ request }) => authEndpoint(request, undefined));

export const POST = publicRoute({ body: ZAuthBody, maxBodyBytes: MAX_AUTH_BODY_BYTES }, ({ request, body }) =>
  authEndpoint(request, body),
);
