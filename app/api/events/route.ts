import { z } from "zod";
import { closeOnAbort } from "@/lib/api/close-on-abort";
import { withSession } from "@/lib/api/handler";
import { sessionEnded } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createChangeStream } from "@/lib/events/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const ZEventsQuery = z.object({ lastEventId: z.string().max(40).optional() });

/**
 * Live updates as Server-Sent Events: every change committed by any app instance (see
 * lib/events/stream.ts). EventSource resumes with the Last-Event-ID header by itself; clients
 * that reconnect by hand pass `?lastEventId=`. The stream ends when the session does (signed out
 * or revoked on any instance, expired), not only when the client leaves.
 */
export const GET = withSession({ query: ZEventsQuery }, ({ request, session, query }) => {
  const resumeFrom = (request.headers.get("last-event-id") ?? query.lastEventId ?? "").trim();
  const ended = AbortSignal.any([request.signal, sessionEnded(session, request.signal)]);
  const body = createChangeStream({ db: db(), lastEventId: resumeFrom === "" ? null : resumeFrom, signal: ended });
  return new Response(closeOnAbort(body, ended), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform also keeps compression from buffering the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
