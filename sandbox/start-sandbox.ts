import type { ProviderKind } from "@/lib/providers/types";
import { startChatOpsFake } from "@/sandbox/chatops/index";
import type { SandboxFake, SandboxFakeOptions } from "@/sandbox/core/server";
import { startMaxFake } from "@/sandbox/max/index";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";
import { startTgBridgeFake } from "@/sandbox/tgbridge/index";

export type Sandbox = { fakes: Record<ProviderKind, SandboxFake>; close: () => Promise<void> };

/** Starts all four sandbox providers on loopback, each with its demo data. */
export async function startSandbox(options: Partial<Record<ProviderKind, SandboxFakeOptions>> = {}): Promise<Sandbox> {
  const [tgbridge, smartsender, max, chatops] = await Promise.all([
    startTgBridgeFake(options.tgbridge),
    startSmartSenderFake(options.smartsender),
    startMaxFake(options.max),
    startChatOpsFake(options.chatops),
  ]);
  const fakes = { tgbridge, smartsender, max, chatops };
  return {
    fakes,
    close: async () => {
      await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    },
  };
}
