// Retry pacing for network errors, 5xx and 429: exponential backoff with full jitter (a random wait
// between 0 and base·2^attempt, capped), so a fleet that lost its server does not return in lockstep.
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 60_000;

export function fullJitterDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** A Retry-After header (seconds) is honoured when it fits, as a floor under the jittered wait. */
export function retryDelay(attempt: number, retryAfterSeconds: number | null, random: () => number = Math.random): number {
  const jittered = fullJitterDelay(attempt, random);
  return retryAfterSeconds !== null && retryAfterSeconds >= 0
    ? Math.max(jittered, Math.min(retryAfterSeconds * 1000, BACKOFF_CAP_MS))
    : jittered;
}

/** False when waiting `delayMs` would end after the run's deadline: then the run stops instead. */
export function fitsBeforeDeadline(now: number, deadline: number, delayMs: number): boolean {
  return now + delayMs < deadline;
}

export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds : null;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
