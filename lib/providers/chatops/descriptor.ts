import "server-only";
import { createChatOpsProvider } from "@/lib/providers/chatops/adapter";
import { chatopsInfo } from "@/lib/providers/chatops/descriptor.types";
import type { ProviderDescriptor } from "@/lib/providers/descriptor";

export const chatopsDescriptor = { ...chatopsInfo, create: createChatOpsProvider } satisfies ProviderDescriptor;
