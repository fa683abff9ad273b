import type { ProviderInfo } from "@/lib/providers/descriptor.types";
import type { ChatProvider, ConnectionConfig } from "@/lib/providers/types";

/**
 * One provider kind, all the app knows about it: the browser-safe `ProviderInfo` (names, icon,
 * fields, schemas, environment variables, capabilities) and the factory of its adapter. Each lives
 * in `lib/providers/<kind>/descriptor.ts`; `registry.ts` holds them all.
 */
export type ProviderDescriptor = ProviderInfo & {
  /** Builds the adapter for one stored connection (credentials already unsealed). */
  create: (config: ConnectionConfig) => ChatProvider;
};
