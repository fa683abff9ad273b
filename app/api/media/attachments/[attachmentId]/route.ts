import { z } from "zod";
import { withSession } from "@/lib/api/handler";
import { routeId } from "@/lib/api/query";
import { db } from "@/lib/db";
import { serveAttachment } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

const ZParams = z.object({ attachmentId: routeId("Attachment") });

/** A provider-hosted file, fetched by the server (never by the agent's browser) under the media policy. */
export const GET = withSession({ params: ZParams }, ({ request, params }) =>
  serveAttachment(db(), params.attachmentId, request.headers.get("range")),
);
