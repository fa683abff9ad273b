import { createChatOpsProvider } from "@/lib/providers/chatops/adapter";
import { createMaxProvider } from "@/lib/providers/max/adapter";
import { createSmartSenderProvider } from "@/lib/providers/smartsender/adapter";
import { createTgBridgeProvider } from "@/lib/providers/tgbridge/adapter";
import type { ChatProvider, ConnectionConfig, ProviderKind } from "@/lib/providers/types";

const factories: Record<ProviderKind, (config: ConnectionConfig) => ChatProvider> = {
  tgbridge: createTgBridgeProvider,
  smartsender: createSmartSenderProvider,
  max: createMaxProvider,
  chatops: createChatOpsProvider,
};

/** The only place that chooses code by provider kind. */
export function createProvider(config: ConnectionConfig): ChatProvider {
  return factories[config.kind](config);
}
