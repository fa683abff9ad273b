import { setPasswordByLink } from "@/lib/admin/staff/set-password";
import { ZSetPasswordRequest } from "@/lib/admin/staff/staff.types";
import { publicRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** A one-time link's token and the chosen password: the person is then signed in. */
export const POST = publicRoute({ body: ZSetPasswordRequest, maxBodyBytes: 4096 }, ({ body, request }) =>
  setPasswordByLink(db(), body, request.headers),
);
