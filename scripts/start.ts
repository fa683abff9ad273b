// `npm start` (production) and `npm run dev`. NODE_ENV must be set before Next and React load,
// and server-only modules resolve only once the hook below is in, hence the dynamic import.
import "@/lib/server/resolve-server-only";

const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });

const { runApp } = await import("@/lib/server/main");
await runApp({ dev });
