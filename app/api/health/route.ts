import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the start script: the app answers and its database does too. */
export const GET = publicRoute({}, async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true };
  } catch {
    return NextResponse.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
});
