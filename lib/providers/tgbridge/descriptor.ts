import "server-only";
import type { ProviderDescriptor } from "@/lib/providers/descriptor";
import { createTgBridgeProvider } from "@/lib/providers/tgbridge/adapter";
import { tgbridgeInfo } from "@/lib/providers/tgbridge/descriptor.types";

export const tgbridgeDescriptor = { ...tgbridgeInfo, create: createTgBridgeProvider } satisfies ProviderDescriptor;
