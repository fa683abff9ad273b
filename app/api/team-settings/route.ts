import { withSession } from "@/lib/api/handler";
import { getTeamSettings, updateTeamSettings } from "@/lib/assignment/team-settings";
import { ZTeamSettingsRequest } from "@/lib/assignment/team-settings.types";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Any staff member may see how the team works; only admins change it. */
export const GET = withSession(() => getTeamSettings(db()));

export const PATCH = withSession({ role: "admin", body: ZTeamSettingsRequest }, ({ body, session }) =>
  updateTeamSettings(db(), { userId: session.userId, changes: body }),
);
