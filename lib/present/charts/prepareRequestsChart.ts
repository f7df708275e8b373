// Shapes a host's cumulative request counters (slmgr /dlv "Total requests received", "Failed requests
// received") for the requests chart: the counters as they are plus per-bucket deltas for bars.
import { dayLabel } from "./prepareHostTrend";
import { DAY_MS } from "@/lib/core/time";

export type RequestsPoint = { bucket: string; totalRequests: number | null; failedRequests: number | null };

export type RequestsRow = {
  t: number;
  label: string;
  totalRequests: number | null;
  failedRequests: number | null;
  newRequests: number | null;
  newFailed: number | null;
  /** The counters went down here: the host was reinstalled and they restarted from 0. */
  reset: boolean;
};

const timeFormat = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

function clean(v: number | null): number | null {
  return v !== null && Number.isFinite(v) && v >= 0 ? v : null;
}

/**
 * Delta against the last known value. After a null bucket the delta spans the hole: the counter is
 * cumulative, so those requests did happen and dropping them would under-report the period.
 * On a restart the counter counts from 0 again, so the requests since then are the value itself.
 */
function delta(current: number | null, previous: number | null, reset: boolean): number | null {
  if (current === null || previous === null) return null;
  return reset ? current : current - previous;
}

export function prepareRequestsChart(points: readonly RequestsPoint[]): RequestsRow[] {
  const valid = points
    .map((p) => ({ t: Date.parse(p.bucket), total: clean(p.totalRequests), failed: clean(p.failedRequests) }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t);

  // Day labels are enough for daily buckets; finer buckets need the time to tell rows apart.
  const daily = valid.every((p) => p.t % DAY_MS === 0);
  const label = (t: number) => (daily ? dayLabel(t) : `${dayLabel(t)}, ${timeFormat.format(new Date(t))}`);

  let lastTotal: number | null = null;
  let lastFailed: number | null = null;
  return valid.map((p) => {
    // Both counters restart together on a reinstall, so a drop in either one is a restart of both:
    // otherwise failed 3 -> 5 across a reinstall would read as +2 instead of +5.
    const reset =
      (p.total !== null && lastTotal !== null && p.total < lastTotal) ||
      (p.failed !== null && lastFailed !== null && p.failed < lastFailed);
    const row: RequestsRow = {
      t: p.t,
      label: label(p.t),
      totalRequests: p.total,
      failedRequests: p.failed,
      newRequests: delta(p.total, lastTotal, reset),
      newFailed: delta(p.failed, lastFailed, reset),
      reset,
    };
    if (p.total !== null) lastTotal = p.total;
    if (p.failed !== null) lastFailed = p.failed;
    if (reset) {
      // A counter that was null at the restart has no baseline left from before it.
      if (p.total === null) lastTotal = null;
      if (p.failed === null) lastFailed = null;
    }
    return row;
  });
}
