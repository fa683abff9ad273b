/**
 * The reference under the framework floor: a bare `node:http` server that runs `SELECT 1`
 * through a `pg` pool and answers the same JSON as /api/health. The gap between it and the
 * floor row is what Next.js (and Prisma) cost per request before any code of ours runs.
 * Run as a child process so it has its own event loop, as the app server does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { freePort } from "@/lib/server/free-port";

function serve(databaseUrl: string, port: number): void {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = http.createServer((_request, response) => {
    pool.query("SELECT 1").then(
      () => response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
      () => response.writeHead(503).end(),
    );
  });
  server.listen(port, "127.0.0.1", () => process.stdout.write("listening\n"));
}

export async function startPlainHttpServer(databaseUrl: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", import.meta.filename], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`The plain HTTP server exited with code ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  serve(process.env.DATABASE_URL ?? "", Number(process.env.PORT));
}
