// What a machine says about time is evidence, not truth. Policy (README "Clocks"):
// - a check-in dated more than CLOCK_TOLERANCE_MS after the server received it is stored at the receipt
//   time, and how far ahead it was is kept for a clock-skew finding on that machine;
// - an event dated in the future is kept (in quarantine, with its raw XML) but never stored as an event,
//   so it can never become a machine's "latest" request, renewal or count;
// - a date before 2006 (before Vista, the first Windows with these events) is damage, not data: a check-in
//   dated so is stored at the receipt time, an event dated so is quarantined.
import { MINUTE_MS } from "@/lib/core/time";

export const CLOCK_TOLERANCE_MS = 10 * MINUTE_MS;
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2006, 0, 1);

export type CollectedAtVerdict = { storedAt: Date; aheadMs: number | null; note: string | null };

/** The time a check-in is stored at, and how far ahead of the server the machine's clock was (null when not). */
export function judgeCollectedAt(reported: Date, receivedAt: Date): CollectedAtVerdict {
  const t = reported.getTime();
  if (!Number.isFinite(t) || t < EARLIEST_PLAUSIBLE_MS)
    return { storedAt: receivedAt, aheadMs: null, note: "collectedAt is before 2006: stored at the server's receipt time" };
  const ahead = t - receivedAt.getTime();
  if (ahead > CLOCK_TOLERANCE_MS)
    return { storedAt: receivedAt, aheadMs: ahead, note: `collectedAt is ${hours(ahead)} h ahead of the server: stored at receipt time` };
  return { storedAt: reported, aheadMs: null, note: null };
}

/** null for a plausible event time; else why the event is kept aside, and how far ahead it was (if it was). */
export function judgeEventTime(timeCreated: string, receivedAt: Date): { error: string; aheadMs: number | null } | null {
  const t = Date.parse(timeCreated);
  if (!Number.isFinite(t) || t < EARLIEST_PLAUSIBLE_MS)
    return { error: `TimeCreated ${timeCreated} is before 2006 (damaged)`, aheadMs: null };
  const ahead = t - receivedAt.getTime();
  if (ahead > CLOCK_TOLERANCE_MS)
    return {
      error: `TimeCreated ${timeCreated} is ${hours(ahead)} h ahead of the server's clock: kept aside, never used as latest`,
      aheadMs: ahead,
    };
  return null;
}

function hours(ms: number): number {
  return Math.round((ms / (60 * MINUTE_MS)) * 10) / 10;
}
