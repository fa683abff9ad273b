import { PROVIDER_KINDS, type ProviderKind } from "@/lib/providers/types";
import { startChatOpsFake } from "@/sandbox/chatops/index";
import type { SandboxFake, SandboxFakeOptions } from "@/sandbox/core/provider";
import { startMaxFake } from "@/sandbox/max/index";
import { startSmartSenderFake } from "@/sandbox/smartsender/index";
import { startTgBridgeFake } from "@/sandbox/tgbridge/index";

/** Every provider kind's sandbox: a new kind fails the type check here until its sandbox exists. */
const SANDBOXES: Record<ProviderKind, (options?: SandboxFakeOptions) => Promise<SandboxFake>> = {
  tgbridge: startTgBridgeFake,
  smartsender: startSmartSenderFake,
  max: startMaxFake,
  chatops: startChatOpsFake,
};

export type Sandbox = { fakes: Record<ProviderKind, SandboxFake>; close: () => Promise<void> };

/** Starts every provider's sandbox on loopback, each with its demo data. */
export async function startSandbox(options: Partial<Record<ProviderKind, SandboxFakeOptions>> = {}): Promise<Sandbox> {
  const started = await Promise.all(
    PROVIDER_KINDS.map(async (kind) => [kind, await SANDBOXES[kind](options[kind])] as const),
  );
  const fakes = Object.fromEntries(started) as Record<ProviderKind, SandboxFake>;
  return {
    fakes,
    close: async () => {
      await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    },
  };
}
