import autocannon from "autocannon";
import type { Samples } from "./stats";

/**
 * Load on one endpoint with autocannon at a fixed number of connections; every response's own
 * time is kept (autocannon's histogram has 1 ms buckets and no p95), so percentiles are exact.
 */
export async function loadEndpoint(options: {
  url: string;
  cookie: string;
  connections: number;
  durationSec: number;
}): Promise<Samples> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSec,
        headers: { cookie: options.cookie, accept: "application/json" },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors += 1;
    });
  });
  return { latencies, durationMs: Date.now() - started, errors: errors + result.errors + result.timeouts };
}
