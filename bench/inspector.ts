import type { CpuProfile } from "./cpu-profile";

/**
 * The V8 inspector of a process started with `--inspect=127.0.0.1:<port>`, over its WebSocket:
 * enough of the DevTools protocol to sample the CPU for exactly the span asked for.
 */
export async function connectInspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const target = targets[0];
  if (!target) throw new Error(`No inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, (result) => resolve(result as T));
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  // 100 µs between samples: fine enough to see a few-millisecond request in parts.
  await call("Profiler.setSamplingInterval", { interval: 100 });
  return {
    async profile<T>(during: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
      await call("Profiler.start");
      const result = await during();
      const { profile } = await call<{ profile: CpuProfile }>("Profiler.stop");
      return { result, profile };
    },
    close: () => socket.close(),
  };
}
