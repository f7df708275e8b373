// Retry pacing. Without a Retry-After (network errors, most 5xx): exponential backoff with full jitter
// (a random wait between 0 and base·2^attempt, capped), so a fleet that lost its server does not return
// in lockstep. With one (503 `unavailable` / overloaded, 429 rate limits): the server said how long,
// so wait that long, capped, plus 0–20 % more so the fleet it turned away does not return at one instant.
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 60_000;
export const RETRY_AFTER_CAP_SECONDS = 600;
export const RETRY_AFTER_JITTER = 0.2;

export function fullJitterDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** Retry-After seconds (at least 1, at most 10 minutes) plus up to 20 % jitter, in ms. */
export function retryAfterDelay(retryAfterSeconds: number, random: () => number = Math.random): number {
  const base = Math.min(Math.max(retryAfterSeconds, 1), RETRY_AFTER_CAP_SECONDS) * 1000;
  return Math.floor(base * (1 + RETRY_AFTER_JITTER * random()));
}

/** The wait before the next attempt: the server's Retry-After when it sent one, else the backoff. */
export function retryDelay(attempt: number, retryAfterSeconds: number | null, random: () => number = Math.random): number {
  return retryAfterSeconds !== null && retryAfterSeconds >= 0
    ? retryAfterDelay(retryAfterSeconds, random)
    : fullJitterDelay(attempt, random);
}

/** False when waiting `delayMs` would end after the run's deadline: then the run stops instead. */
export function fitsBeforeDeadline(now: number, deadline: number, delayMs: number): boolean {
  return now + delayMs < deadline;
}

/** Delay-seconds only: the server sends them (lib/core/errors.ts); an HTTP-date falls back to the backoff. */
export function parseRetryAfter(value: string | null): number | null {
  if (!value || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
