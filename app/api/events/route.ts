import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createChangeStream } from "@/lib/events/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Live updates as Server-Sent Events: every change committed by any app instance (see
 * lib/events/stream.ts). EventSource resumes with the Last-Event-ID header by itself; clients
 * that reconnect by hand pass `?lastEventId=`.
 */
export const GET = withSession(({ request }) => {
  const resumeFrom = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId") ?? "";
  const body = createChangeStream({
    db: db(),
    lastEventId: resumeFrom.trim() === "" ? null : resumeFrom.trim(),
    signal: request.signal,
  });
  return Promise.resolve(
    new Response(body, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        // no-transform also keeps compression from buffering the stream.
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    }),
  );
});
