// `npm start` (production) and `npm run dev`. NODE_ENV must be set before Next and React load,
// hence the dynamic import.
const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });

const { runApp } = await import("@/lib/server/main");
await runApp({ dev });

export {};
