import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import {
  assertDeclaredLength,
  assertJsonContentType,
  assertSameOrigin,
  assertStorable,
  changesState,
  MAX_BODY_BYTES,
  parseJsonText,
  queryRecord,
  readBodyBytes,
  readBodyText,
} from "@/lib/api/request-guards";
import { requireSession, type StaffRole, type StaffSession } from "@/lib/auth/session";
import { AppError, statusOfCode } from "@/lib/errors";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("api");

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

type Schema = z.ZodType;
type Parsed<S, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;

/** What every route may declare; each input it names is validated before the handler runs. */
export type RouteOptions<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  /** Path segments (`[chatId]`); a value the schema refuses names nothing, so it is a 404. */
  params?: P;
  /** The query string (a repeated key arrives as an array); refused values are a 400. */
  query?: Q;
  /**
   * The JSON body of a state-changing request; an empty body is validated as `undefined`.
   * Without it the route takes no body (empty or `{}`).
   */
  body?: B;
  /** Largest body accepted, in bytes: 1 MB unless a route needs less. */
  maxBodyBytes?: number;
  /**
   * The body is a file's bytes of any Content-Type (uploads), handed over as `bytes` unparsed;
   * the Origin, the size limit and the session are checked as for every route.
   */
  fileBody?: boolean;
};

export type PublicRouteOptions<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> = RouteOptions<P, Q, B> & {
  /**
   * A provider's webhook: called by another server, not the inbox's pages, so there is no Origin
   * to check; the handler must authenticate the caller itself (e.g. a shared secret).
   */
  fromOtherServers?: boolean;
};

export type StaffRouteOptions<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> = RouteOptions<P, Q, B> & {
  /** Who may call: `"agent"` (the default) is any signed-in staff member, `"admin"` admins only. */
  role?: StaffRole;
};

export type RouteInput<P, Q, B> = {
  request: Request;
  params: Parsed<P, Record<string, never>>;
  query: Parsed<Q, undefined>;
  body: Parsed<B, undefined>;
  /** The body's bytes on a `fileBody` route, else null. */
  bytes: Uint8Array | null;
};

export type StaffRouteInput<P, Q, B> = RouteInput<P, Q, B> & { session: StaffSession };

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const retryAfter = error.details?.retryAfterSeconds;
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      {
        status: statusOfCode[error.code],
        headers: typeof retryAfter === "number" ? { "retry-after": String(Math.ceil(retryAfter)) } : undefined,
      },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      {
        error: {
          code: "BAD_REQUEST",
          message: "The request is not valid",
          details: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
        },
      },
      { status: 400 },
    );
  }
  log.error({ err: error }, "unhandled error in route");
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

async function requireRole(request: Request, role: StaffRole): Promise<StaffSession> {
  const session = await requireSession(request.headers);
  if (role === "admin" && session.role !== "admin") throw new AppError("FORBIDDEN", "Only admins may do this");
  return session;
}

function parseParams(schema: Schema | undefined, raw: unknown): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError("NOT_FOUND", parsed.error.issues[0]?.message ?? "Not found");
}

async function parseBody(request: Request, schema: Schema | undefined, limit: number): Promise<unknown> {
  const text = await readBodyText(request, limit);
  const value = text.trim() === "" ? undefined : parseJsonText(text);
  assertStorable(value);
  if (schema) return schema.parse(value);
  const empty = value === undefined || (typeof value === "object" && value !== null && Object.keys(value).length === 0);
  if (!empty) throw new AppError("BAD_REQUEST", "This request takes no body");
  return undefined;
}

function toResponse(result: unknown): Response {
  const response = result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
  // Inbox data is per user and changes all the time: no shared or browser cache keeps it.
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}

/**
 * The one way a route is built. In this order: a state-changing request must come from the
 * inbox's own pages (Origin) as JSON (or a file's bytes, on a `fileBody` route); a body over the limit is refused before it is read; then
 * the session and role (staff routes); then params, query and body are validated (NUL and other
 * unstorable text is a 400); thrown AppErrors and ZodErrors become JSON errors, and a plain
 * return value is sent as JSON.
 */
function route<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, S>(
  options: PublicRouteOptions<P, Q, B>,
  authorize: (request: Request) => Promise<S>,
  handler: (input: RouteInput<P, Q, B> & { session: S }) => unknown,
): RouteHandler {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (request, context) => {
    try {
      const changing = changesState(request);
      if (changing) {
        if (!options.fromOtherServers) assertSameOrigin(request);
        if (!options.fileBody) assertJsonContentType(request);
        assertDeclaredLength(request, limit);
      }
      const session = await authorize(request);
      const params = parseParams(options.params, await context.params);
      const record = queryRecord(new URL(request.url).searchParams);
      const query = options.query ? options.query.parse(record) : undefined;
      const bytes = changing && options.fileBody ? await readBodyBytes(request, limit) : null;
      const body = changing && !options.fileBody ? await parseBody(request, options.body, limit) : undefined;
      const input = { request, params, query, body, bytes, session } as RouteInput<P, Q, B> & { session: S };
      return toResponse(await handler(input));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route for signed-in staff: `withSession(handler)`, or `withSession({ role, params, query, body }, handler)`. */
export function withSession(
  handler: (input: StaffRouteInput<undefined, undefined, undefined>) => unknown,
): RouteHandler;
export function withSession<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(options: StaffRouteOptions<P, Q, B>, handler: (input: StaffRouteInput<P, Q, B>) => unknown): RouteHandler;
export function withSession(
  optionsOrHandler: StaffRouteOptions<Schema, Schema, Schema> | ((input: never) => unknown),
  maybeHandler?: (input: never) => unknown,
): RouteHandler {
  const [options, handler] =
    typeof optionsOrHandler === "function" ? [{}, optionsOrHandler] : [optionsOrHandler, maybeHandler];
  if (!handler) throw new Error("withSession needs a handler");
  const role = "role" in options && options.role ? options.role : "agent";
  return route(options, (request) => requireRole(request, role), handler as (input: unknown) => unknown);
}

/**
 * A route anyone may call (health, sign-in): the same checks as every route, without a session.
 * `fromOtherServers` (provider webhooks) also drops the Origin check.
 */
export function publicRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(options: PublicRouteOptions<P, Q, B>, handler: (input: RouteInput<P, Q, B>) => unknown): RouteHandler {
  return route(options, async () => null, handler);
}
