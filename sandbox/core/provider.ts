import { z } from "zod";
import type { ProviderKind } from "@/lib/providers/types";
import { controlError, controlRoute } from "@/sandbox/core/control";
import type { FaultSettings } from "@/sandbox/core/faults";
import { type SeedChatInput, SeedChatSchema, type SeededChat } from "@/sandbox/core/seed-chat";
import { type ControlRoute, type FakeServer, type FakeServerOptions, startFakeServer } from "@/sandbox/core/server";

/**
 * What every sandbox provider shares besides the HTTP server: its options, how demo mode and
 * the tests drive it (snapshot, a customer writing, the connection to store) and the control
 * routes for that. A provider's `index.ts` starts one with `startProviderSandbox`.
 */

/** Options every sandbox provider accepts. */
export type SandboxFakeOptions = {
  /** The token clients must present; each fake has a fixed default (`sandbox-<kind>-token`). */
  token?: string;
  port?: number;
  seed?: number;
  faults?: Partial<FaultSettings>;
  /** How much data to generate; the seed documents' own samples are always included. */
  data?: { chats?: number; messagesPerChat?: number; bigChatMessages?: number };
};

export type InjectMessageInput = { chatExternalId?: string; text: string; authorName?: string };
export type InjectedMessage = { chatExternalId: string; messageExternalId: string };
export type SandboxSnapshot = { chats: Array<{ externalId: string; messageExternalIds: string[] }> };

/** A running sandbox provider, as demo mode and the tests drive it. */
export type SandboxFake = FakeServer & {
  kind: ProviderKind;
  token: string;
  /** What the provider holds now, for exact comparisons with the cache. */
  snapshot: () => SandboxSnapshot;
  /** A customer writes: a new inbound message (in a new chat when no id is given). */
  injectInboundMessage: (input: InjectMessageInput) => InjectedMessage;
  /** Base URL, credentials and settings to store as a connection to this fake. */
  connection: () => { baseUrl: string; credentials: Record<string, string>; settings: Record<string, unknown> };
};

/** A provider's part: its documented API and the data behind it. */
export type ProviderSandbox = Pick<FakeServerOptions, "handle" | "errorBody" | "rateLimited" | "malformed"> & {
  /** Control routes of this provider only, on `/__sandbox/<name>`. */
  control?: Record<string, ControlRoute>;
  snapshot: SandboxFake["snapshot"];
  injectInboundMessage: SandboxFake["injectInboundMessage"];
  /** Makes a chat to a test's order (`POST /__sandbox/chats`). */
  seedChat?: (input: SeedChatInput) => SeededChat;
  /** Connection settings besides the base URL and token. */
  settings?: Record<string, unknown>;
  /** Runs before the server closes (e.g. to answer held long polls). */
  beforeClose?: () => void;
};

export type SandboxContext = { baseUrl: string; token: string; seed: number };

const optionalText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .nullish()
    .transform((value) => value ?? undefined);

export const InjectMessageSchema = z.object({
  chatExternalId: z
    .union([z.string().min(1).max(100), z.number().int()])
    .nullish()
    .transform((value) => (value === null || value === undefined ? undefined : String(value))),
  text: z
    .string()
    .max(10_000)
    .refine((text) => text.trim() !== "", "text is required"),
  authorName: optionalText(200),
});

/**
 * Starts a provider's sandbox: the server first, since the data links to media on it, then
 * the provider built for that address, then the control routes every provider has.
 */
export async function startProviderSandbox(
  kind: ProviderKind,
  options: SandboxFakeOptions,
  defaultSeed: number,
  build: (context: SandboxContext) => ProviderSandbox,
): Promise<SandboxFake> {
  const token = options.token ?? `sandbox-${kind}-token`;
  const seed = options.seed ?? defaultSeed;
  // Nothing can call the server before its address is handed out below, so the provider is filled in after it listens.
  const behaviour: FakeServerOptions = {
    seed,
    port: options.port,
    faults: options.faults,
    handle: () => undefined,
    errorBody: controlError,
  };
  const server = await startFakeServer(behaviour);
  const provider = build({ baseUrl: server.url, token, seed });
  Object.assign(behaviour, {
    handle: provider.handle,
    errorBody: provider.errorBody,
    rateLimited: provider.rateLimited,
    malformed: provider.malformed,
    control: {
      ...provider.control,
      "inject-message": controlRoute(InjectMessageSchema, provider.injectInboundMessage),
      ...(provider.seedChat ? { chats: controlRoute(SeedChatSchema, provider.seedChat) } : {}),
    },
  } satisfies Partial<FakeServerOptions>);

  return {
    ...server,
    kind,
    token,
    snapshot: provider.snapshot,
    injectInboundMessage: provider.injectInboundMessage,
    connection: () => ({ baseUrl: server.url, credentials: { token }, settings: provider.settings ?? {} }),
    close: async () => {
      provider.beforeClose?.();
      await server.close();
    },
  };
}
