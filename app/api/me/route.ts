import { readJson, withSession } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getSettings, updateSettings, ZUpdateSettingsRequest } from "@/lib/me/settings";

export const dynamic = "force-dynamic";

export const GET = withSession(({ session }) => getSettings(db(), session.userId));

export const PATCH = withSession(async ({ request, session }) =>
  updateSettings(db(), session.userId, ZUpdateSettingsRequest.parse(await readJson(request))),
);
