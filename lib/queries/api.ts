import type { ErrorBody } from "@/lib/api/handler";

/** A failed API call with the server's error code and human message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const { error } = value;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  return new ApiError(response.status, "HTTP_ERROR", response.statusText || `HTTP ${response.status}`);
}

/** A session that ended (expired, signed out elsewhere) sends the agent to sign in again, back to this page. */
function signInAgain() {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

async function call<Result>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Result> {
  const response = await fetch(path, {
    method,
    signal,
    // Every change is sent as JSON, even without a body: the server refuses other changes as cross-site.
    headers: method === "GET" ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) signInAgain();
  if (!response.ok) throw await toApiError(response);
  // The route handlers serialise exactly the service types the callers name (types flow from the server).
  return (await response.json()) as Result;
}

export const apiGet = <Result>(path: string, signal?: AbortSignal) => call<Result>("GET", path, undefined, signal);
export const apiPost = <Result>(path: string, body?: unknown) => call<Result>("POST", path, body ?? {});
export const apiPatch = <Result>(path: string, body: unknown) => call<Result>("PATCH", path, body);
export const apiDelete = <Result>(path: string) => call<Result>("DELETE", path);

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
