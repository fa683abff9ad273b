/**
 * What the app knows about a provider kind without its code: names, icon, the values a connection
 * needs (with the environment variables that set them and the schemas that validate them) and
 * what it can do. Browser-safe (zod and types only), so client components, connection forms and
 * `lib/env.ts` read it; `descriptor.ts` beside it adds the server part (the adapter factory).
 */
import type { z } from "zod";
import type { Messages } from "@/lib/i18n/en";
import type { OutgoingFilesSupport } from "@/lib/providers/outgoing-files.types";
import type { Capability, ProviderKind } from "@/lib/providers/types";

/** A translation key under `connectionFields` (i18n), so labels exist in every language. */
export type ConnectionFieldLabel = keyof Messages["connectionFields"];

/** One value an admin gives a connection. */
export type ConnectionField = {
  /** Where it goes: the connection's base URL, a (sealed) credential or a (plain) setting. */
  target: "baseUrl" | "credentials" | "settings";
  /** Its key in `credentials` or `settings` ("baseUrl" for the URL). */
  key: string;
  label: ConnectionFieldLabel;
  /** The environment variable that sets it at start (README's configuration table lists them all). */
  env: string;
  /** Without it there is no connection: from the environment, the provider counts as not configured. */
  required: boolean;
};

export type ProviderInfo = {
  kind: ProviderKind;
  /** The provider's name, also the default name of its connections. */
  displayName: string;
  /** A 24×24 SVG path drawn in white on `background` (a Tailwind class). */
  icon: { path: string; background: string };
  /** The base URL when none is given; null when every installation has its own. */
  defaultBaseUrl: string | null;
  /** Secrets, sealed at rest; string values with size limits. */
  credentialsSchema: z.ZodObject;
  /** Non-secret settings the adapter reads (some only for tests: timeouts, limits). */
  settingsSchema: z.ZodObject;
  /** What an admin enters, in form order. */
  fields: readonly ConnectionField[];
  /** Exactly the adapter's capabilities (a test holds them equal), for forms and docs. */
  capabilities: readonly Capability[];
  /** The files an agent may attach to a reply (with `sendFile`), or why none. */
  outgoingFiles: OutgoingFilesSupport;
};

/** The longest credential or text setting we store (tokens are far shorter). */
export const MAX_SECRET_LENGTH = 4096;
