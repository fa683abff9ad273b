import type { Logger } from "pino";
import type { Db } from "@/lib/db";
import type { ChatProvider } from "@/lib/providers/types";
import type { HealthReporter } from "@/lib/sync/health";
import type { ProviderCalls } from "@/lib/sync/resilience";
import type { SyncTuning } from "@/lib/sync/tuning";

/** Everything one connection's sync needs, built once per run by the connection runner. */
export type SyncContext = {
  prisma: Db;
  connectionId: string;
  instanceId: string;
  provider: ChatProvider;
  calls: ProviderCalls;
  health: HealthReporter;
  tuning: SyncTuning;
  signal: AbortSignal;
  log: Logger;
  /**
   * A page or batch was stored: the sync is getting somewhere, so failures start counting afresh
   * and the connection's health is OK.
   */
  madeProgress: () => void;
};
