import "server-only";
import type { ProviderDescriptor } from "@/lib/providers/descriptor";
import { createMaxProvider } from "@/lib/providers/max/adapter";
import { maxInfo } from "@/lib/providers/max/descriptor.types";

export const maxDescriptor = { ...maxInfo, create: createMaxProvider } satisfies ProviderDescriptor;
