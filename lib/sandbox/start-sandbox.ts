import { startChatOpsFake } from "@/lib/providers/chatops/fake";
import type { SandboxFake, SandboxFakeOptions } from "@/lib/providers/fake-kit";
import { startMaxFake } from "@/lib/providers/max/fake";
import { startSmartSenderFake } from "@/lib/providers/smartsender/fake";
import { startTgBridgeFake } from "@/lib/providers/tgbridge/fake";
import type { ProviderKind } from "@/lib/providers/types";

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
