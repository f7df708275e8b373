// The one error type of the API and the one place that turns errors into HTTP answers.
import { z } from "zod";

export const errorCodes = {
  invalid_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unparseable: 422,
  unsupported_media_type: 415,
  /** Too many requests or failed attempts from one caller: slow down (Retry-After). */
  rate_limited: 429,
  enrollment_disabled: 503,
  /** The database (or another dependency) is unreachable for now: retry after `Retry-After` seconds. */
  unavailable: 503,
  /** The server is at capacity (admission control, lib/access/http/admission.ts): retry later (Retry-After). */
  overloaded: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** Codes that tell the caller to come back: always answered with Retry-After (seconds), agents add jitter. */
/** unavailable: a database restart takes a few seconds. */
export const retryAfterDefaults: Partial<Record<ErrorCode, number>> = { rate_limited: 30, overloaded: 5, unavailable: 5 };

/** The JSON error shape of every route: `{ error: { code, message, path } }`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; path: string | null } };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path: string | null = null,
    /** retryAfterSeconds is sent as `Retry-After` (429, 503): agents keep their spool and wait that long. */
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

// Connection-level failures (refused, reset, server shutting down or starting): the database is away, not wrong.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|connection timeout|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error/i;
// Text Postgres cannot store (a NUL byte, invalid UTF-8, \u0000 in jsonb): the request's fault, not ours.
const BAD_TEXT_CODES = new Set(["22021", "22P05"]);

/** The error and its causes (Prisma's driver adapter and pg wrap the original), each with its code and message. */
function* causes(error: unknown): Generator<{ code: string; message: string }> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    const code = typeof record.originalCode === "string" ? record.originalCode : typeof record.code === "string" ? record.code : "";
    yield { code, message: typeof record.message === "string" ? record.message : "" };
    current = record.cause;
  }
}

/** Errors that are not ApiErrors yet but have a known meaning for the client. */
export function classifyError(error: unknown): ApiError | null {
  for (const { code, message } of causes(error)) {
    if (BAD_TEXT_CODES.has(code) || /invalid byte sequence for encoding|unsupported Unicode escape sequence/i.test(message)) {
      return new ApiError("invalid_request", "text contains a NUL byte or is not valid UTF-8");
    }
    if (UNREACHABLE_CODES.has(code) || UNREACHABLE_MESSAGES.test(message)) {
      return new ApiError("unavailable", "the database is unreachable for now; retry later");
    }
  }
  return null;
}

export function errorResponse(error: unknown): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : error instanceof z.ZodError
        ? fromZodError(error)
        : (classifyError(error) ?? new ApiError("internal", "internal server error"));
  if (apiError.code === "internal") console.error("[api] unexpected error", error);
  if (apiError.code === "unavailable" && !(error instanceof ApiError))
    console.error(`[api] database unreachable: ${(error as Error)?.message}`);
  const headers = new Headers();
  if (apiError.code === "unauthorized") headers.set("WWW-Authenticate", "Bearer");
  const retryAfter = apiError.options.retryAfterSeconds ?? retryAfterDefaults[apiError.code];
  if (retryAfter !== undefined) headers.set("Retry-After", String(Math.max(1, Math.ceil(retryAfter))));
  const body: ErrorBody = { error: { code: apiError.code, message: apiError.message, path: apiError.path } };
  return Response.json(body, { status: apiError.status, headers });
}
