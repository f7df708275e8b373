// HTTP to the kmswatch server, reduced to what the agent must decide: done, retry later, re-enroll,
// set the payload aside, or stop.
import { enrollResponseSchema, type EnrollResponse } from "../../../lib/kms/protocol.ts";
import { parseRetryAfter } from "./backoff.ts";

export type Outcome =
  | { kind: "ok"; status: number; body: unknown }
  | { kind: "retry"; reason: string; retryAfter: number | null }
  | { kind: "unauthorized"; message: string }
  | { kind: "refused"; status: number; message: string }
  | { kind: "fatal"; status: number; message: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function errorText(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "error" in parsed) return JSON.stringify(parsed.error);
  } catch {
    // not JSON: keep the raw text
  }
  return body.slice(0, 500);
}

function errorCode(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null || !("error" in parsed)) return null;
    const error: unknown = parsed.error;
    return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : null;
  } catch {
    return null;
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause;
    if (typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string") return cause.code;
    if (cause instanceof Error) return cause.message;
    return error.name === "TimeoutError" ? "request timed out" : error.message;
  }
  return String(error);
}

export async function postJson(fetchImpl: FetchLike, url: string, body: string, token: string | null, timeoutMs: number): Promise<Outcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
      signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
    });
    text = await response.text();
  } catch (error) {
    return { kind: "retry", reason: `network error: ${causeOf(error)}`, retryAfter: null };
  }
  const status = response.status;
  if (status >= 200 && status < 300) {
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      return { kind: "retry", reason: `answer ${status} is not JSON`, retryAfter: null };
    }
    return { kind: "ok", status, body: parsed };
  }
  const message = `${status} ${errorText(text)}`;
  if (status === 401) return { kind: "unauthorized", message };
  // The payload itself is at fault: sending it again cannot succeed.
  if (status === 400 || status === 413 || status === 422) return { kind: "refused", status, message };
  // 503 `enrollment_disabled` is the server's configuration, not a passing state: waiting will not fix it.
  if (status === 503 && errorCode(text) === "enrollment_disabled") return { kind: "fatal", status, message };
  // 503 `unavailable` (database away, overloaded) and 429 (rate limits) carry Retry-After: backoff.ts waits that long.
  if (status >= 500 || status === 429 || status === 408) {
    return { kind: "retry", reason: `server answered ${message}`, retryAfter: parseRetryAfter(response.headers.get("retry-after")) };
  }
  return { kind: "fatal", status, message };
}

export function parseEnrollAnswer(body: unknown): EnrollResponse | null {
  const parsed = enrollResponseSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
