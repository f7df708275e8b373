// The one error type of the API and the one place that turns errors into HTTP answers.
import { z } from "zod";

export const errorCodes = {
  invalid_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unparseable: 422,
  unsupported_media_type: 415,
  enrollment_disabled: 503,
  /** Too many requests from one caller: slow down (Retry-After). */
  rate_limited: 429,
  /** The server is at capacity (admission control, lib/access/http/admission.ts): retry later (Retry-After). */
  overloaded: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** Codes that tell the caller to come back: always answered with Retry-After (seconds), agents add jitter. */
export const retryAfterDefaults: Partial<Record<ErrorCode, number>> = { rate_limited: 30, overloaded: 5 };

/** The JSON error shape of every route: `{ error: { code, message, path } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; path: string | null } };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path: string | null = null,
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

/** zod issues become one 400 naming the first offending path (e.g. `artifacts.2.text`). */
export function fromZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join(".") : null;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : "";
  return new ApiError("invalid_request", `${issue?.message ?? "invalid request"}${more}`, path);
}

export function errorResponse(error: unknown): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : error instanceof z.ZodError
        ? fromZodError(error)
        : new ApiError("internal", "internal server error");
  if (apiError.code === "internal") console.error("[api] unexpected error", error);
  const headers = new Headers();
  if (apiError.code === "unauthorized") headers.set("WWW-Authenticate", "Bearer");
  const retryAfter = apiError.options.retryAfterSeconds ?? retryAfterDefaults[apiError.code];
  if (retryAfter !== undefined) headers.set("Retry-After", String(Math.max(1, Math.ceil(retryAfter))));
  const body: ErrorBody = { error: { code: apiError.code, message: apiError.message, path: apiError.path } };
  return Response.json(body, { status: apiError.status, headers });
}
