// Pure timing rules of notifications: when a group of transitions is complete enough to send, and how
// long a failed delivery waits before its next attempt.

/** A group is sent once no new transition arrived for this long (a cloned image checking in over a minute → one message). */
export const GROUP_WAIT_MS = 30_000;
/** ...or once its oldest transition waited this long, so a never-quiet fleet still gets notified. */
export const GROUP_MAX_WAIT_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

export function groupIsReady(transitionTimes: readonly Date[], now: Date): boolean {
  if (transitionTimes.length === 0) return false;
  const times = transitionTimes.map((t) => t.getTime());
  const newest = Math.max(...times);
  const oldest = Math.min(...times);
  return now.getTime() - newest >= GROUP_WAIT_MS || now.getTime() - oldest >= GROUP_MAX_WAIT_MS;
}

/** Delay after the n-th failed attempt (1-based): 30 s, 1 min, 2 min, 4 min, ... capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** null when the delivery gives up (status failed). */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  return attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts));
}
