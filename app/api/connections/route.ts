import { withSession } from "@/lib/api/handler";
import { listConnections } from "@/lib/connections/list-connections";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withSession(() => listConnections(db()));
