import { chatopsInfo } from "@/lib/providers/chatops/descriptor.types";
import type { ProviderInfo } from "@/lib/providers/descriptor.types";
import { maxInfo } from "@/lib/providers/max/descriptor.types";
import { smartsenderInfo } from "@/lib/providers/smartsender/descriptor.types";
import { tgbridgeInfo } from "@/lib/providers/tgbridge/descriptor.types";
import type { ProviderKind } from "@/lib/providers/types";

/** Every provider's browser-safe descriptor, by kind (the server's full ones: registry.ts). */
export const PROVIDER_INFO = {
  tgbridge: tgbridgeInfo,
  smartsender: smartsenderInfo,
  max: maxInfo,
  chatops: chatopsInfo,
} as const satisfies Record<ProviderKind, ProviderInfo>;

export function providerInfo(kind: ProviderKind): ProviderInfo {
  return PROVIDER_INFO[kind];
}

/** Every environment variable some provider reads. */
export type ProviderVariable = (typeof PROVIDER_INFO)[ProviderKind]["fields"][number]["env"];
