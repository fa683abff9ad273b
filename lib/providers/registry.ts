import "server-only";
import { chatopsDescriptor } from "@/lib/providers/chatops/descriptor";
import type { ProviderDescriptor } from "@/lib/providers/descriptor";
import { maxDescriptor } from "@/lib/providers/max/descriptor";
import { smartsenderDescriptor } from "@/lib/providers/smartsender/descriptor";
import { tgbridgeDescriptor } from "@/lib/providers/tgbridge/descriptor";
import { type ChatProvider, type ConnectionConfig, PROVIDER_KINDS, type ProviderKind } from "@/lib/providers/types";

/** Every provider the app has: adding one is a folder under lib/providers and a line here. */
const DESCRIPTORS: Record<ProviderKind, ProviderDescriptor> = {
  tgbridge: tgbridgeDescriptor,
  smartsender: smartsenderDescriptor,
  max: maxDescriptor,
  chatops: chatopsDescriptor,
};

export function providerDescriptor(kind: ProviderKind): ProviderDescriptor {
  return DESCRIPTORS[kind];
}

/** Every descriptor, in the order of PROVIDER_KINDS. */
export function providerDescriptors(): ProviderDescriptor[] {
  return PROVIDER_KINDS.map(providerDescriptor);
}

/** The only place that chooses code by provider kind. */
export function createProvider(config: ConnectionConfig): ChatProvider {
  return providerDescriptor(config.kind).create(config);
}
