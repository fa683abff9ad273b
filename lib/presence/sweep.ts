import type { Db } from "@/lib/db";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("presence");

/** How often every instance removes presence that timed out. */
export const PRESENCE_SWEEP_MS = 1_000;

/**
 * Ends what timed out: tabs that stopped sending heartbeats leave, typing that stopped reverts to
 * viewing. The presence table's trigger tells every browser. Any instance may sweep at the same
 * moment as another: each row is deleted (or changed) once, by whichever gets it first.
 */
export async function sweepPresence(prisma: Db): Promise<void> {
  await prisma.$executeRaw`DELETE FROM presence WHERE expires_at <= now()`;
  await prisma.$executeRaw`UPDATE presence SET typing_until = NULL WHERE typing_until <= now()`;
}

export function startPresenceSweeper(options: { prisma: Db; intervalMs?: number }): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepPresence(options.prisma)
      .catch((error: unknown) => log.warn({ err: error }, "sweeping presence failed; will try again"))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? PRESENCE_SWEEP_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
