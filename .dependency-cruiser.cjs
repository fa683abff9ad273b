// The direction of dependencies (README, "Layers"): a layer may import its own and the ones
// below it, never one above. `npm run lint` runs this on every import the compiler sees
// (relative, `@/`, dynamic and type-only alike, each resolved to its file).

/** Product layers of the server side, lowest first. */
const SERVER_LAYERS = [
  {
    name: "foundation",
    path: [
      "^lib/(db|env|errors|logger|retry|runtime|process-singleton|app-origin)\\.ts$",
      "^lib/providers/outgoing-files\\.types\\.ts$",
      "^lib/(db|crypto|generated|i18n)/",
      // Recording a change event belongs to the transaction that made the change, at any layer.
      "^lib/events/(emit|types)\\.ts$",
      // Keyset page cursors: services encode them, routes decode them.
      "^lib/api/cursor\\.ts$",
      // What the app knows of providers without their code (kinds, names, fields, schemas): the
      // configuration derives its variables from it, and the browser draws icons with it.
      "^lib/providers/(types|catalog\\.types|descriptor\\.types)\\.ts$",
      "^lib/providers/[^/]+/descriptor\\.types\\.ts$",
    ],
  },
  { name: "providers", path: ["^lib/providers/"] },
  { name: "ingest", path: ["^lib/ingest/"] },
  // Outage alerts follow the connections' health, which the sync writes.
  { name: "sync, outbox, events", path: ["^lib/(sync|outbox|events|alerts)/", "^lib/outgoing-files/file-link\\.ts$"] },
  {
    name: "services",
    path: [
      "^lib/(chats|messages|participants|connections|admin|audit|auth|me|assignment|workflow|notes|presence)/",
      "^lib/outgoing-files/(?!file-link\\.ts$)",
    ],
  },
  { name: "api wrapper", path: ["^lib/api/"] },
  { name: "app/api routes", path: ["^app/api/"] },
];

/** The browser's side, lowest first; it may use the server's types and browser-safe modules. */
const CLIENT_LAYERS = [
  { name: "queries", path: ["^lib/queries/"] },
  { name: "components", path: ["^components/"] },
  { name: "app pages", path: ["^app/(?!api/)"] },
];

/** Starts the process and everything in it: nothing in the product imports it. */
const COMPOSITION_ROOT = ["^lib/server/", "^proxy\\.ts$", "^next\\.config\\.ts$"];

/** Provider emulators beside the product. */
const SANDBOX = ["^sandbox/"];

/** Tests and their helpers may reach anything; nothing in the product reaches them. */
const TESTS = ["\\.test\\.tsx?$", "/testing/", "^e2e/", "^bench/", "^scripts/"];

const paths = (layers) => layers.flatMap((layer) => layer.path);

/** Known crossings being removed on other branches; each one is a single import, and a new one anywhere else fails. */
const PENDING_EXCEPTIONS = [];

/** For each layer: it must not import the layers above it in its chain, nor `above`. */
const layerRules = (chain, above) =>
  chain.flatMap((layer, index) => {
    const higher = [...paths(chain.slice(index + 1)), ...above];
    // A file a lower layer claims (events/emit.ts) is not of the higher layer its folder is in.
    const lowerOrSame = paths(chain.slice(0, index + 1));
    const rule = (name, from, allowed) => ({
      name,
      comment: `${layer.name} must not import a layer above it`,
      severity: "error",
      from,
      to: { path: higher, pathNot: [...SANDBOX, ...lowerOrSame, ...allowed] },
    });
    const excepted = PENDING_EXCEPTIONS.filter((exception) =>
      layer.path.some((path) => new RegExp(path).test(exception.file)),
    ).map((exception) => ({ ...exception, from: `^${exception.file.replaceAll(".", "\\.")}$` }));
    return [
      rule(
        `layer:${layer.name}`,
        { path: layer.path, pathNot: [...TESTS, ...SANDBOX, ...excepted.map((e) => e.from)] },
        [],
      ),
      ...excepted.map((exception) => rule(`layer:${layer.name}`, { path: exception.from }, [exception.to])),
    ];
  });

module.exports = {
  forbidden: [
    ...layerRules(SERVER_LAYERS, [...paths(CLIENT_LAYERS), ...COMPOSITION_ROOT]),
    ...layerRules(CLIENT_LAYERS, COMPOSITION_ROOT),
    {
      name: "sandbox-beside-the-product",
      comment: "product code does not import the sandbox (the start-up's dynamic import alone chooses it)",
      severity: "error",
      from: { pathNot: [...SANDBOX, ...TESTS, "^lib/server/main\\.ts$"] },
      to: { path: SANDBOX },
    },
    {
      name: "sandbox-loaded-on-demand",
      comment: "the start-up loads the sandbox with a dynamic import, only in demo mode",
      severity: "error",
      from: { path: "^lib/server/main\\.ts$" },
      to: { path: SANDBOX, dependencyTypesNot: ["dynamic-import"] },
    },
    {
      name: "sandbox-from-the-documents",
      comment:
        "a sandbox speaks its provider's wire format as the documents give it, never through an adapter's client, schemas, mapper or enums (the shared provider types and the seed documents' JSON samples are fine)",
      severity: "error",
      from: { path: "^sandbox/" },
      to: { path: "^(lib|app|components)/", pathNot: ["^lib/providers/types\\.ts$", "^lib/providers/[^/]+/fixtures/"] },
    },
    {
      name: "no-test-code-in-the-product",
      severity: "error",
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
  ],
  options: {
    includeOnly: ["^(app|components|lib|sandbox|e2e|bench|scripts)/", "^[^/]+\\.ts$"],
    exclude: { path: ["^lib/generated/", "^node_modules/", "^\\.next", "^\\.data/"] },
    doNotFollow: { path: ["^node_modules/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
