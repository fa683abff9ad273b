import { z } from "zod";

export const ZTeamSettingsRequest = z.object({
  /** The first agent who replies to an unassigned chat becomes its assignee. */
  autoAssign: z.boolean(),
});
export type TeamSettingsRequest = z.infer<typeof ZTeamSettingsRequest>;

export type TeamSettings = { autoAssign: boolean };
