import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { requireSession, type StaffSession } from "@/lib/auth/session";
import { AppError, statusOfCode } from "@/lib/errors";
import { componentLogger } from "@/lib/logger";

const log = componentLogger("api");

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

type RouteContext<Params> = { params: Promise<Params> };

type AuthedHandler<Params> = (input: {
  request: Request;
  params: Params;
  session: StaffSession;
}) => Promise<Response | unknown>;

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: statusOfCode[error.code] },
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

/**
 * Wraps a route handler: requires a signed-in staff member, turns thrown AppErrors and
 * ZodErrors into JSON errors, and serialises plain return values as JSON.
 */
export function withSession<Params = Record<string, never>>(handler: AuthedHandler<Params>) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      const session = await requireSession(request.headers);
      const params = await context.params;
      const result = await handler({ request, params, session });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses a JSON request body, answering 400 (not 500) when it is not JSON at all. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON");
  }
}
