import autocannon from "autocannon";
import { type LatencyStats, summarize } from "./stats";

/**
 * Load on one endpoint with autocannon at a fixed number of connections; every response's own
 * time is kept (autocannon's histogram has 1 ms buckets and no p95), so percentiles are exact.
 */
export async function loadEndpoint(options: {
  url: string;
  cookie: string;
  connections: number;
  durationSec: number;
}): Promise<LatencyStats> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    headers: { cookie: options.cookie, accept: "application/json" },
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else errors += 1;
  });
  const result = await instance;
  return summarize(latencies, Date.now() - started, errors + result.errors + result.timeouts);
}
