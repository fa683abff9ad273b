import { z } from "zod";
import { publicRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { serveFileLink } from "@/lib/outgoing-files/serve-file";

export const dynamic = "force-dynamic";

/** A file an agent sent, downloaded by the provider from the signed link it was given (lib/outgoing-files/file-link.ts). */
export const GET = publicRoute({ params: z.object({ token: z.string().max(200) }) }, ({ params }) =>
  serveFileLink(db(), params.token),
);
