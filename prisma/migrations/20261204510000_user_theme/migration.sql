-- Each agent's colour theme. "system" follows the device's light or dark preference.
CREATE TYPE "ThemeChoice" AS ENUM ('system', 'light', 'dark');

ALTER TABLE "users" ADD COLUMN "theme" "ThemeChoice" NOT NULL DEFAULT 'system';
