// Rebuilds a KMS host's "Current count" from its 12290 events, and forecasts it.
// Facts (kms-formats.md §5): count = distinct CMIDs that sent a request in the last 30 days; the host
// caches 2x the highest N-policy it has seen, so the count stops at 50 (at 10 when only Windows Server
// clients, policy 5, are in the window); activated clients renew every 7 days.
import { formatHresult } from "./hresults";
import { DAY_MS } from "@/lib/core/time";
export { DAY_MS } from "@/lib/core/time";

export type KmsRequest = {
  at: Date | string;
  cmid: string;
  minCount: number | null;
  hresult: string | null;
};

export type CountOptions = {
  /** KMS cache period; configurable on the host, 30 days by default. */
  windowDays?: number;
};

export type CountPoint = { at: Date; count: number };

export type CountForecast = {
  points: { at: string; count: number }[];
  crossesBelow: { threshold: number; at: string } | null;
  threshold: number;
  serverOnly: boolean;
  /** Countable requests in the window at `now` (0: nothing to forecast from). */
  requestsInWindow: number;
  /** CMIDs whose first request of the window came in the last 7 days: the current rate of new machines. */
  newCmids7d: number;
};

export const COUNT_WINDOW_DAYS = 30;
export const CLIENT_OS_THRESHOLD = 25;
export const SERVER_OS_THRESHOLD = 5;
/** Office volume products keep their own count on the host, with a threshold of 5 like servers (kms-formats.md §5). */
export const OFFICE_THRESHOLD = 5;
export const COUNT_CAP = 2 * CLIENT_OS_THRESHOLD;
export const SERVER_ONLY_CAP = 2 * SERVER_OS_THRESHOLD;
/** The reference lines every count chart and table draws, as the API sends them to the pages. */
export const COUNT_THRESHOLDS = { clientOs: CLIENT_OS_THRESHOLD, serverOs: SERVER_OS_THRESHOLD, cap: COUNT_CAP } as const;
export type CountThresholds = typeof COUNT_THRESHOLDS;
/** Renewal interval (7 days) plus one day of slack for machines that were off for a night. */
export const RENEWAL_GRACE_MS = 8 * DAY_MS;
/** How far back "new machines" are counted for the forecast's rate of growth. */
export const NEW_MACHINE_SPAN_MS = 7 * DAY_MS;

// A timestamp-rejected request (clock skew) is refused before the host validates it, so its CMID is not
// cached and the count does not move; a count-refused one (0xC004F038) is exactly how the count grows.
export const CLOCK_SKEW = "0xC004F06C";

type Prepared = { t: number; cmid: string; serverPolicy: boolean };

/**
 * Drops requests the host would not count and unparseable timestamps, then sorts by time.
 * A null minCount is "unknown", not "server": it keeps the 50 cap, which is the host's default bound.
 * CMIDs are GUIDs whose letter case depends on the source (event text, XML, CIM), hence the lower-casing.
 */
function prepare(requests: readonly KmsRequest[]): Prepared[] {
  const out: Prepared[] = [];
  // Few distinct HRESULTs across 100k requests: normalising each string once keeps series fast.
  const skew = new Map<string, boolean>();
  for (const r of requests) {
    if (r.hresult !== null) {
      let isSkew = skew.get(r.hresult);
      if (isSkew === undefined) skew.set(r.hresult, (isSkew = formatHresult(r.hresult) === CLOCK_SKEW));
      if (isSkew) continue;
    }
    const t = toMs(r.at);
    if (!Number.isFinite(t) || r.cmid.trim() === "") continue;
    out.push({ t, cmid: r.cmid.trim().toLowerCase(), serverPolicy: r.minCount === SERVER_OS_THRESHOLD });
  }
  // Rows usually arrive ordered from SQL; skipping the sort then saves most of the cost on 100k rows.
  for (let i = 1; i < out.length; i++) if (out[i]!.t < out[i - 1]!.t) return out.sort((a, b) => a.t - b.t);
  return out;
}

function toMs(at: Date | string): number {
  return at instanceof Date ? at.getTime() : Date.parse(at);
}

function windowMs(opts?: CountOptions): number {
  return (opts?.windowDays ?? COUNT_WINDOW_DAYS) * DAY_MS;
}

/** Count the host would report at `at`: distinct CMIDs with a request in (at - window, at], capped. */
export function reconstructCount(requests: readonly KmsRequest[], at: Date, opts?: CountOptions): number {
  const end = at.getTime();
  const start = end - windowMs(opts);
  const cmids = new Set<string>();
  let anyClientPolicy = false;
  for (const r of prepare(requests)) {
    if (r.t <= start || r.t > end) continue;
    cmids.add(r.cmid);
    if (!r.serverPolicy) anyClientPolicy = true;
  }
  return Math.min(cmids.size, anyClientPolicy ? COUNT_CAP : SERVER_ONLY_CAP);
}

/**
 * Same as reconstructCount at every point, in one pass: requests are sorted once and a window slides
 * over them (points are visited in time order), so the cost is O(n log n + p log p), not O(n * p).
 * Results come back in the order of `points`.
 */
export function reconstructCountSeries(requests: readonly KmsRequest[], points: readonly Date[], opts?: CountOptions): CountPoint[] {
  const sorted = prepare(requests);
  const span = windowMs(opts);
  const result: CountPoint[] = new Array(points.length);
  const order: { i: number; t: number }[] = [];
  points.forEach((p, i) => {
    const t = p.getTime();
    // An invalid date has no window; it would also break the sort below.
    if (Number.isFinite(t)) order.push({ i, t });
    else result[i] = { at: p, count: 0 };
  });
  order.sort((a, b) => a.t - b.t);
  // cmid -> time of its latest request added so far; a CMID leaves when that time leaves the window.
  const lastSeen = new Map<string, number>();
  let clientPolicyInWindow = 0;
  let head = 0;
  let tail = 0;
  for (const { i, t } of order) {
    while (head < sorted.length && sorted[head]!.t <= t) {
      const r = sorted[head++]!;
      lastSeen.set(r.cmid, r.t);
      if (!r.serverPolicy) clientPolicyInWindow++;
    }
    const start = t - span;
    while (tail < head && sorted[tail]!.t <= start) {
      const r = sorted[tail++]!;
      const last = lastSeen.get(r.cmid);
      if (last !== undefined && last <= start) lastSeen.delete(r.cmid);
      if (!r.serverPolicy) clientPolicyInWindow--;
    }
    const cap = clientPolicyInWindow > 0 ? COUNT_CAP : SERVER_ONLY_CAP;
    result[i] = { at: points[i]!, count: Math.min(lastSeen.size, cap) };
  }
  return result;
}

/**
 * Daily forecast from `now` to `now + days` (days + 1 points, the first one is today's count).
 * Model: a CMID whose last request is older than 7 days + 1 day has stopped renewing and leaves the
 * count 30 days after that request; every other CMID keeps renewing with its last N-policy and stays.
 * Requests after `now` are ignored (the forecast must not depend on data it claims to predict).
 */
export function forecastCount(requests: readonly KmsRequest[], now: Date, days = 30, opts?: CountOptions): CountForecast {
  const nowMs = now.getTime();
  const span = windowMs(opts);
  const inWindow = prepare(requests).filter((r) => r.t > nowMs - span && r.t <= nowMs);

  const last = new Map<string, Prepared>();
  for (const r of inWindow) last.set(r.cmid, r); // sorted, so the latest request wins
  // The 50 cap holds while a client-policy request is still in the window at t.
  let clientPolicyUntil = Number.NEGATIVE_INFINITY;
  for (const r of inWindow) if (!r.serverPolicy) clientPolicyUntil = Math.max(clientPolicyUntil, r.t + span);

  let renewing = 0;
  let renewingClientPolicy = false;
  const dropAt: number[] = [];
  for (const r of last.values()) {
    if (nowMs - r.t > RENEWAL_GRACE_MS) dropAt.push(r.t + span);
    else {
      renewing++;
      if (!r.serverPolicy) renewingClientPolicy = true;
    }
  }
  dropAt.sort((a, b) => a - b);

  const serverOnly = inWindow.length > 0 && clientPolicyUntil === Number.NEGATIVE_INFINITY;
  const threshold = serverOnly ? SERVER_OS_THRESHOLD : CLIENT_OS_THRESHOLD;

  const points: CountForecast["points"] = [];
  let dropped = 0;
  for (let d = 0; d <= days; d++) {
    const t = nowMs + d * DAY_MS;
    // Window is (t - span, t]: a CMID last seen at `l` is out once t >= l + span.
    while (dropped < dropAt.length && dropAt[dropped]! <= t) dropped++;
    const stillIn = renewing + dropAt.length - dropped;
    const cap = renewingClientPolicy || t < clientPolicyUntil ? COUNT_CAP : SERVER_ONLY_CAP;
    points.push({ at: new Date(t).toISOString(), count: Math.min(stillIn, cap) });
  }

  let crossesBelow: CountForecast["crossesBelow"] = null;
  if (points.length > 0 && points[0]!.count >= threshold) {
    const hit = points.find((p) => p.count < threshold);
    if (hit) crossesBelow = { threshold, at: hit.at };
  }
  const firstSeen = new Map<string, number>();
  for (const r of inWindow) if (!firstSeen.has(r.cmid)) firstSeen.set(r.cmid, r.t);
  let newCmids7d = 0;
  for (const t of firstSeen.values()) if (t > nowMs - NEW_MACHINE_SPAN_MS) newCmids7d++;
  return { points, crossesBelow, threshold, serverOnly, requestsInWindow: inWindow.length, newCmids7d };
}
