-- Per-agent notification choices: both off until the agent turns them on in Settings (the
-- browser asks for permission only then).
ALTER TABLE users
  ADD COLUMN notify_desktop boolean NOT NULL DEFAULT false,
  ADD COLUMN notify_sound boolean NOT NULL DEFAULT false;
