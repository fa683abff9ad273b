import pino from "pino";

/** One structured (JSON lines) logger for the server side; children name their component. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { pid: process.pid },
  redact: {
    paths: ["*.password", "*.token", "*.credentials", "*.authorization", "*.headers.authorization"],
    censor: "[redacted]",
  },
});

export function componentLogger(component: string) {
  return logger.child({ component });
}
