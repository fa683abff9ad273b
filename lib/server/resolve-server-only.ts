/**
 * Modules that must never reach a browser bundle start with `import "server-only"`. That package
 * throws unless resolved with the "react-server" condition, which Next uses for server code only,
 * so a client component importing such a module fails the build. This process — start-up, the
 * sync and the outbox, run by tsx outside Next's bundler — is server code too, and gets that one
 * package as Next's server gets it. Load it before any such module: `node --import tsx --import
 * ./lib/server/resolve-server-only.ts …`, or import it first and the rest dynamically (scripts/start.ts).
 * Vitest does the same with an alias (vitest.config.ts).
 */
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier !== "server-only") return nextResolve(specifier, context);
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  },
});
