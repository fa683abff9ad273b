import { changePassword } from "@/lib/admin/staff/profile";
import { ZChangePasswordRequest } from "@/lib/admin/staff/staff.types";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Needs the current password; every other session of the person ends. */
export const POST = withSession({ body: ZChangePasswordRequest, maxBodyBytes: 2048 }, ({ session, body, request }) =>
  changePassword(db(), session, body, request.headers),
);
