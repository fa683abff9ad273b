import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRng } from "@/sandbox/core/corpus";
import {
  applyFaults,
  type FaultAnswers,
  type FaultSettings,
  type InjectedFault,
  NO_FAULTS,
} from "@/sandbox/core/faults";
import { type FakeRequest, type FakeResponse, ok, readRequest, write } from "@/sandbox/core/http";
import { sandboxMedia } from "@/sandbox/core/media";

/**
 * The HTTP server under every sandbox provider: a real server on loopback with a request log,
 * switchable faults, generated media under `/__media/` and a control API under `/__sandbox/`.
 * A provider supplies only its documented routes, auth and error bodies.
 */

/** A provider request as the log keeps it: query and headers (names lower-cased) as plain records. */
export type RecordedCall = Pick<FakeRequest, "method" | "path" | "body"> & {
  at: number;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Fault injected instead of the real answer, if any. */
  fault: InjectedFault | null;
  status: number;
};

export type ControlRoute = (request: FakeRequest) => FakeResponse | Promise<FakeResponse> | undefined;

export type FakeServerOptions = FaultAnswers & {
  /** Answers a provider request (already past faults). Return undefined for 404. */
  handle: (request: FakeRequest) => FakeResponse | Promise<FakeResponse | undefined> | undefined;
  /** Control endpoints besides calls and faults, matched on `/__sandbox/<name>`. */
  control?: Record<string, ControlRoute>;
  faults?: Partial<FaultSettings>;
  seed?: number;
  port?: number;
};

export type FakeServer = {
  url: string;
  port: number;
  calls: RecordedCall[];
  faults: FaultSettings;
  setFaults: (settings: Partial<FaultSettings>) => void;
  clearCalls: () => void;
  close: () => Promise<void>;
};

const CONTROL_PREFIX = "/__sandbox/";
const MEDIA_PREFIX = "/__media/";

function recordOf(request: FakeRequest): RecordedCall {
  return {
    at: Date.now(),
    method: request.method,
    path: request.path,
    query: Object.fromEntries(request.query),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(", ") : (value ?? ""),
      ]),
    ),
    body: request.body,
    fault: null,
    status: 0,
  };
}

function serveMedia(res: http.ServerResponse, name: string): void {
  const media = sandboxMedia(name);
  if (!media) {
    write(res, { status: 404, text: "no such media", contentType: "text/plain" });
    return;
  }
  res.writeHead(200, { "content-type": media.contentType, "cache-control": "public, max-age=86400" });
  res.end(media.body);
}

export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const rng = createRng(options.seed ?? 1);
  const calls: RecordedCall[] = [];
  const faults: FaultSettings = { ...NO_FAULTS, ...options.faults };
  const openResponses = new Set<http.ServerResponse>();

  const builtIn: Record<string, ControlRoute> = {
    calls: () => ok({ calls }),
    "calls/clear": () => {
      calls.length = 0;
      return ok({ ok: true });
    },
    faults: (request) => {
      if (request.method === "POST") Object.assign(faults, request.body as Partial<FaultSettings>);
      return ok(faults);
    },
  };

  async function answer(req: http.IncomingMessage, request: FakeRequest): Promise<FakeResponse> {
    const call = recordOf(request);
    calls.push(call);
    const faulty = await applyFaults(faults, rng, options, req);
    call.fault = faulty?.fault ?? null;
    const response = faulty?.response ?? (await options.handle(request)) ?? options.errorBody(404, "Not found");
    call.status = response.status;
    return response;
  }

  const server = http.createServer(async (req, res) => {
    openResponses.add(res);
    res.on("close", () => openResponses.delete(res));
    const request = await readRequest(req);
    try {
      if (request.path.startsWith(MEDIA_PREFIX)) return serveMedia(res, request.path.slice(MEDIA_PREFIX.length));
      if (request.path.startsWith(CONTROL_PREFIX)) {
        const name = request.path.slice(CONTROL_PREFIX.length);
        const route = builtIn[name] ?? options.control?.[name];
        const response = await route?.(request);
        return write(res, response ?? { status: 404, json: { error: "unknown sandbox control" } });
      }
      const response = await answer(req, request);
      if (!res.destroyed) write(res, response);
    } catch (error) {
      if (!res.headersSent) write(res, options.errorBody(500, (error as Error).message));
    }
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    faults,
    setFaults: (settings) => Object.assign(faults, settings),
    clearCalls: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of openResponses) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
