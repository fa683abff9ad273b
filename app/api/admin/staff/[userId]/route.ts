import { z } from "zod";
import { ZUpdateStaffRequest } from "@/lib/admin/staff/staff.types";
import { updateStaff } from "@/lib/admin/staff/update-staff";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const ZParams = z.object({ userId: z.string().regex(/^[\w-]{1,64}$/) });

/** Changes a role, (de)activates, or resets the password (the answer then carries the new link). */
export const PATCH = withSession(
  { role: "admin", params: ZParams, body: ZUpdateStaffRequest, maxBodyBytes: 1024 },
  ({ session, params, body, request }) =>
    updateStaff(db(), { admin: session, headers: request.headers, userId: params.userId, change: body }),
);
