import { z } from "zod";
import { type FakeRequest, type FakeResponse, ok } from "@/sandbox/core/http";
import type { ControlRoute } from "@/sandbox/core/server";

/** The control API's plumbing: input checked with zod, refusals answered as `{"error": …}`. */

/** A control request the sandbox cannot carry out (unknown chat, bad input): answered with `status`. */
export class SandboxInputError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The provider's own error code, where a provider route reports it. */
    readonly code = "sandbox.input",
  ) {
    super(message);
  }
}

export const controlError = (status: number, message: string): FakeResponse => ({ status, json: { error: message } });

/** Runs a control action; a SandboxInputError becomes its status, anything else a 500. */
function controlAnswer(action: () => unknown): FakeResponse {
  try {
    return ok(action());
  } catch (error) {
    if (error instanceof SandboxInputError) return controlError(error.status, error.message);
    throw error;
  }
}

/** Reads a control request's JSON body with `schema`, or answers 400 with what is wrong. */
export function controlRoute<T>(schema: z.ZodType<T>, action: (input: T) => unknown): ControlRoute {
  return (request: FakeRequest) => {
    if (request.method !== "POST") return controlError(405, "POST a JSON body");
    const parsed = schema.safeParse(request.body ?? {});
    if (!parsed.success) return controlError(400, z.prettifyError(parsed.error));
    return controlAnswer(() => action(parsed.data));
  };
}
