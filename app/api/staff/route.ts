import { withSession } from "@/lib/api/handler";
import { listStaff } from "@/lib/assignment/staff";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** The teammates a chat can be assigned to or a note can mention. */
export const GET = withSession(() => listStaff(db()));
