import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** A V8 CPU profile as the inspector's Profiler.stop returns it. */
export type CpuProfile = {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
};

type Place = { category: string; where: string };

/**
 * Which part of the stack a source path belongs to. The server's code is bundled into
 * .next/server chunks, so paths come from the chunks' source maps.
 */
const CATEGORIES: Array<[RegExp, string]> = [
  [/node_modules\/next\/dist\/compiled\/(react|react-dom|react-server-dom)/, "React (bundled with Next.js)"],
  [/node_modules\/next\//, "Next.js"],
  [/@prisma\/|lib\/generated\/prisma|query_compiler/, "Prisma"],
  [/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-\w+)\//, "pg (PostgreSQL driver)"],
  [/node_modules\/(better-auth|better-call|@better-auth|kysely|jose|@noble|rou3|defu)\//, "Better Auth"],
  [/node_modules\/zod\//, "zod"],
  [/node_modules\/(pino|sonic-boom|thread-stream|pino-std-serializers)\//, "logging (pino)"],
  [/node_modules\/(tsx|esbuild|get-tsconfig)\//, "tsx loader"],
];

function categoryOf(path: string): string {
  for (const [pattern, category] of CATEGORIES) if (pattern.test(path)) return category;
  const library = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (library) return `library: ${library[1]}`;
  if (/\/(lib|app|components|sandbox|scripts)\/|proxy\.ts/.test(path)) return "ours (lib, app, components)";
  return "other bundled code";
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))));
    } catch {
      maps.set(file, null);
    }
  }
  return maps.get(file) ?? null;
}

function placeOf(frame: CpuProfile["nodes"][number]["callFrame"]): Place {
  const { functionName, url, lineNumber, columnNumber } = frame;
  if (functionName === "(garbage collector)") return { category: "garbage collection", where: functionName };
  if (functionName === "(program)" || functionName === "(root)")
    return { category: "V8 and native", where: functionName };
  if (url.startsWith("node:") || (url === "" && functionName !== "")) {
    return { category: "Node.js (HTTP, streams, timers, native)", where: `${functionName || "(anonymous)"} ${url}` };
  }
  let path = url.startsWith("file://") ? fileURLToPath(url) : url;
  let line = lineNumber + 1;
  // An empty object when the map has no entry there.
  const entry: { originalSource?: string; originalLine?: number } | undefined = path.includes("/.next/")
    ? sourceMapOf(path)?.findEntry(lineNumber, columnNumber)
    : undefined;
  if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
    path = entry.originalSource;
    line = entry.originalLine + 1;
  }
  const short = path.replace(/^.*?\[project\]\//, "").replace(/^.*\/node_modules\//, "node_modules/");
  return { category: categoryOf(path), where: `${functionName || "(anonymous)"} ${short}:${line}` };
}

export type ProfileSummary = {
  /** CPU time (not idle) per request, ms. */
  cpuMsPerRequest: number;
  byCategory: Array<{ category: string; msPerRequest: number; share: number }>;
  topFunctions: Array<{ where: string; category: string; msPerRequest: number }>;
};

/** Self time by part of the stack and by function, per request. */
export function summarizeProfile(profile: CpuProfile, requests: number, top = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
  }
  const byCategory = new Map<string, number>();
  const byPlace = new Map<string, { category: string; us: number }>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    if (!node || node.callFrame.functionName === "(idle)") continue;
    const place = placeOf(node.callFrame);
    busyUs += us;
    byCategory.set(place.category, (byCategory.get(place.category) ?? 0) + us);
    const known = byPlace.get(place.where) ?? { category: place.category, us: 0 };
    known.us += us;
    byPlace.set(place.where, known);
  }
  const perRequest = (us: number) => us / 1000 / requests;
  return {
    cpuMsPerRequest: perRequest(busyUs),
    byCategory: [...byCategory]
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, msPerRequest: perRequest(us), share: us / busyUs })),
    topFunctions: [...byPlace]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([where, { category, us }]) => ({ where, category, msPerRequest: perRequest(us) })),
  };
}
