import "server-only";
import type { ProviderDescriptor } from "@/lib/providers/descriptor";
import { createSmartSenderProvider } from "@/lib/providers/smartsender/adapter";
import { smartsenderInfo } from "@/lib/providers/smartsender/descriptor.types";

export const smartsenderDescriptor = {
  ...smartsenderInfo,
  create: createSmartSenderProvider,
} satisfies ProviderDescriptor;
