import http from "node:http";
import next from "next";
import { exposeClientAddress, trustedProxies } from "@/lib/auth/client-address";

export type RunningHttpServer = { url: string; close: () => Promise<void> };

/** Serves the Next.js app from this process, so it shares the process's lifetime with Postgres and the workers. */
export async function startNextServer(options: {
  dev: boolean;
  host: string;
  port: number;
  dir: string;
  trustedProxies?: string;
}): Promise<RunningHttpServer> {
  const app = next({
    dev: options.dev,
    dir: options.dir,
    hostname: options.host,
    port: options.port,
    turbopack: options.dev,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trusted = trustedProxies(options.trustedProxies);
  const server = http.createServer((request, response) => {
    // Sign-in throttling and session records need the real client address: the socket's, or
    // X-Forwarded-For as written by TRUSTED_PROXIES only.
    exposeClientAddress(request, trusted);
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end("Internal error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shownHost = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Long-lived responses (live updates) would hold close() forever.
        server.closeAllConnections();
      }),
  };
}
