import "server-only";
import pino from "pino";
import { logLevel, secretVariableValues } from "@/lib/env";
import { runtimeSecrets } from "@/lib/runtime";

/**
 * Keys whose values never reach a log, at any depth: pino's own `redact` paths match fixed
 * depths only (`*.password` misses `err.config.headers.authorization`), so the whole object is
 * walked instead.
 */
const SECRET_KEY =
  /authori[sz]ation|cookie|pass(word|wd|phrase)?$|secret|token|credential|api[-_]?key|private[-_]?key/i;
const CENSOR = "[redacted]";
/** Deeper than this is cut off: a log line is not the place for a whole object graph. */
const MAX_DEPTH = 12;

function redactDeep(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
    let fields: object = value;
    // pino's own shape for errors (type, message, stack, cause and every property the error carries).
    if (value instanceof Error) fields = { ...pino.stdSerializers.err(value) };
    else if (value instanceof Headers || value instanceof Map) fields = Object.fromEntries(value);
    else if (![Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      // Dates, buffers, URLs and the like serialise themselves; secrets in their text are caught by redactLine.
      return value;
    }
    // An error stays an instance of its class, so pino's serializer still names its type (ProviderError).
    const copy: Record<string, unknown> =
      value instanceof Error ? Object.create(Object.getPrototypeOf(value) as object) : {};
    for (const [key, inner] of Object.entries(fields)) {
      copy[key] =
        SECRET_KEY.test(key) && inner !== null && inner !== undefined ? CENSOR : redactDeep(inner, depth + 1, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

/** The object of a log call with every secret-named key censored, however deep. */
export function redactSecrets<T>(value: T): T {
  return redactDeep(value, 0, new WeakSet()) as T;
}

/** Secrets inside text: bearer credentials, `token=` query parameters, passwords in URLs. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{6,}/gi, `$1$2${CENSOR}`],
  [/([?&;](?:[a-z_]*token|api[-_]?key|key|password|secret|sig|signature|auth)=)[^&#"\s\\]+/gi, `$1${CENSOR}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@"]+:)[^@\s"/]+@/gi, `$1${CENSOR}@`],
];

/** Configured secrets, by value, wherever they appear in a line: the environment's and the resolved secret key. */
const SHORTEST_SECRET = 8;

function configuredSecrets(): string[] {
  return [...secretVariableValues(), ...runtimeSecrets()]
    .filter((value) => value.length >= SHORTEST_SECRET)
    .map((value) => JSON.stringify(value).slice(1, -1)); // as the value appears inside a JSON line
}

/** A finished JSON log line with secrets removed from its text. */
export function redactLine(line: string): string {
  let result = line;
  for (const secret of configuredSecrets()) result = result.replaceAll(secret, CENSOR);
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

export const loggerOptions: pino.LoggerOptions = {
  level: logLevel(),
  base: { pid: process.pid },
  formatters: {
    log: (object) => redactSecrets(object),
    bindings: (bindings) => redactSecrets(bindings),
  },
  hooks: { streamWrite: redactLine },
};

/**
 * Pino applies the bindings formatter to the root logger only; children inherit this `child`
 * through their prototype, so every generation's bindings are censored too.
 */
function redactChildBindings(root: pino.Logger): pino.Logger {
  const child = root.child;
  root.child = function redactedChild(this: pino.Logger, bindings, options) {
    return child.call(this, redactSecrets(bindings), options);
  } as typeof root.child;
  return root;
}

/** One structured (JSON lines) logger for the server side; children name their component. */
export const logger = redactChildBindings(pino(loggerOptions));

export function componentLogger(component: string) {
  return logger.child({ component });
}
