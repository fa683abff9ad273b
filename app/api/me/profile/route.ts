import { updateProfile } from "@/lib/admin/staff/profile";
import { ZUpdateProfileRequest } from "@/lib/admin/staff/staff.types";
import { withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const PATCH = withSession({ body: ZUpdateProfileRequest, maxBodyBytes: 1024 }, ({ session, body }) =>
  updateProfile(db(), session, body),
);
