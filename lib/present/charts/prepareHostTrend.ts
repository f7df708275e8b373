// Shapes a host's count history for the trend chart: reported (what the host said), reconstructed
// (from its 12290 events) and forecast (dashed). The component only renders; every decision is here.
//
// Missing data: a day with no row would let Recharts draw a straight line across it, hiding the hole.
// The SQL layer therefore emits every bucket of the range, with `count: null` where nothing was
// reported; this function keeps those nulls as nulls (a gap is shown as a gap, values are never invented).

import { DAY_MS, HOUR_MS } from "@/lib/core/time";
import type { BucketUnit } from "@/lib/core/sql";
import type { HostCountTrend } from "@/lib/read/contract/hosts";

/** The reference lines, as the API sends them (the count model's). */
type CountThresholds = HostCountTrend["thresholds"];

// Pages that draw thresholds outside a trend (tables, headers) read the same constant.
export { COUNT_THRESHOLDS } from "@/lib/kms/countModel";

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 25" for the UTC day containing `t`. */
export function dayLabel(t: number): string {
  return dayFormat.format(new Date(t));
}

const hourFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** Start of the bucket containing `t`: an hour for the 7-day view, a UTC day otherwise (weeks start on a day). */
function bucketStart(t: number, unit: BucketUnit): number {
  const size = unit === "hour" ? HOUR_MS : DAY_MS;
  return Math.floor(t / size) * size;
}

export type HostTrendInput = {
  reported: { bucket: string; count: number | null }[];
  reconstructed: { at: string; count: number }[];
  forecast: { at: string; count: number }[];
  serverOnly: boolean;
  /** The API's bucket size: rows are kept at that resolution, never folded into days. */
  unit: BucketUnit;
  /** From the API (the count model's), so the chart never decides what the server decided. */
  thresholds: CountThresholds;
};

export type HostTrendRow = {
  t: number;
  label: string;
  reported: number | null;
  reconstructed: number | null;
  forecast: number | null;
};

export type HostTrend = {
  rows: HostTrendRow[];
  thresholds: CountThresholds;
  yMax: number;
  /** Y-axis ticks at the thresholds (5, 10, 25, 50) so a small count reads against them, not against a bare axis. */
  yTicks: number[];
  /** Largest |reported - reconstructed| over the rows that have both, in CMIDs (not days); null if none. */
  gapDays: number | null;
};

type Timed = { t: number; value: number | null };

/** Sorted by time; unparseable timestamps and non-finite values are dropped/nulled rather than plotted. */
function timed(items: readonly { at: string; count: number | null }[]): Timed[] {
  const out: Timed[] = [];
  for (const { at, count } of items) {
    const t = Date.parse(at);
    if (!Number.isFinite(t)) continue;
    out.push({ t, value: count !== null && Number.isFinite(count) ? count : null });
  }
  return out.sort((a, b) => a.t - b.t);
}

export function prepareHostTrend(input: HostTrendInput): HostTrend {
  const rows = new Map<number, HostTrendRow>();
  const label = (t: number) => (input.unit === "hour" ? hourFormat.format(new Date(t)) : dayLabel(t));
  const rowFor = (t: number): HostTrendRow => {
    const start = bucketStart(t, input.unit);
    let row = rows.get(start);
    if (!row) {
      row = { t: start, label: label(start), reported: null, reconstructed: null, forecast: null };
      rows.set(start, row);
    }
    return row;
  };

  // Counts are gauges: within one bucket the latest known value is the bucket's value.
  const gauges = [
    ["reported", input.reported.map((r) => ({ at: r.bucket, count: r.count }))],
    ["reconstructed", input.reconstructed],
  ] as const;
  for (const [series, points] of gauges) {
    for (const p of timed(points)) {
      const row = rowFor(p.t);
      if (p.value !== null) row[series] = p.value;
    }
  }

  const lastReal = rows.size > 0 ? Math.max(...rows.keys()) : Number.NEGATIVE_INFINITY;
  for (const p of timed(input.forecast)) {
    // The forecast starts "now": points in buckets already covered by history would duplicate it.
    if (bucketStart(p.t, input.unit) < lastReal) continue;
    const row = rowFor(p.t);
    // One forecast point per bucket; the earliest is the one anchored on the real data.
    if (row.forecast === null) row.forecast = p.value;
  }

  const sorted = [...rows.values()].sort((a, b) => a.t - b.t);
  const last = rows.get(lastReal);
  const forecastAfter = sorted.some((r) => r.t > lastReal && r.forecast !== null);
  if (last && last.forecast === null && forecastAfter) {
    // Without a value on the last real row the dashed line would start one day late, detached.
    last.forecast = last.reconstructed ?? last.reported;
  }

  let dataMax = 0;
  let gap: number | null = null;
  for (const r of sorted) {
    for (const v of [r.reported, r.reconstructed, r.forecast]) if (v !== null) dataMax = Math.max(dataMax, v);
    if (r.reported !== null && r.reconstructed !== null) {
      const d = Math.abs(r.reported - r.reconstructed);
      gap = gap === null ? d : Math.max(gap, d);
    }
  }
  // The whole legal range of the count (0..cap) stays on screen, so the threshold lines are always
  // visible and two hosts' charts read the same; a server-only host's range ends at 10.
  const { thresholds } = input;
  const floor = input.serverOnly ? 2 * thresholds.serverOs : thresholds.cap;
  const yMax = Math.ceil(Math.max(floor, dataMax) / 5) * 5;

  const yTicks = [...new Set([0, thresholds.serverOs, 2 * thresholds.serverOs, thresholds.clientOs, thresholds.cap, yMax])]
    .filter((v) => v <= yMax)
    .sort((a, b) => a - b);

  return { rows: sorted, thresholds, yMax, yTicks, gapDays: gap };
}

export type TrendSummary = { from: number; to: number; latest: number; min: number; max: number };

/** The chart's text summary (for screen readers and the figure caption): range, latest, lowest and highest reported count. */
export function summarizeTrend(rows: readonly HostTrendRow[]): TrendSummary | null {
  const reported = rows.filter((r): r is HostTrendRow & { reported: number } => r.reported !== null);
  const first = reported[0];
  const last = reported.at(-1);
  if (!first || !last) return null;
  const values = reported.map((r) => r.reported);
  return { from: first.t, to: last.t, latest: last.reported, min: Math.min(...values), max: Math.max(...values) };
}
