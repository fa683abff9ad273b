/**
 * State that must exist once per process: connection pools, the LISTEN connection, caches and
 * rate limiters shared by everything that talks to a provider.
 *
 * A module-level `const` is not enough, because one process holds several copies of each module
 * in `lib/`: the custom server (`lib/server/main.ts`, run by tsx) imports its own copy for start-up
 * and the background work (sync, outbox), and Next serves from bundles with module registries of
 * their own — route handlers through `.next/server/chunks/[turbopack]_runtime.js`, page rendering
 * through `.next/server/chunks/ssr/[turbopack]_runtime.js` (`grep -o 'require("[^"]*")'
 * .next/server/app/api/me/route.js ".next/server/app/(inbox)/page.js"` shows both) — and in
 * development hot reloading evaluates modules again. So a limiter kept in a module would let the
 * sync and an agent's request each use a full budget, and a session forgotten at sign-out by the
 * route copy would stay remembered by the page copy. `globalThis` is the one object all copies
 * share, so every process-wide value lives there, under one registry, through this helper.
 *
 * State that is per call or per copy on purpose (a provider's own maps, `env()`'s parse of
 * `process.env`, which every copy computes alike) stays in the module.
 */
const REGISTRY = Symbol.for("support-inbox.process-singletons");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** The process's one value named `name`, created by `create` on first use. Names are unique per kind of state. */
export function processSingleton<T>(name: string, create: () => T): T {
  const values = registry();
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}

/** The value named `name` when it was created already, without creating it. */
export function existingProcessSingleton<T>(name: string): T | undefined {
  return registry().get(name) as T | undefined;
}

/** Forgets `name` (the next `processSingleton(name, …)` creates it again) and returns what it held. */
export function dropProcessSingleton<T>(name: string): T | undefined {
  const values = registry();
  const value = values.get(name) as T | undefined;
  values.delete(name);
  return value;
}
