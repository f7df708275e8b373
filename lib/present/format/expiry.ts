// Time left before a volume activation (or grace period) ends, and how worried to be about it.

export type Tone = "critical" | "warning" | "info" | "ok";
export type Expiry = { text: string; tone: Tone | null };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration cut the way it is shown: days (+ hours under 10 days), hours (+ minutes), minutes, or under a minute. */
export type DurationParts =
  | { unit: "dh"; d: number; h: number }
  | { unit: "d"; d: number }
  | { unit: "hm"; h: number; m: number }
  | { unit: "h"; h: number }
  | { unit: "m"; m: number }
  | { unit: "underMinute" };

export function durationParts(ms: number): DurationParts {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return { unit: "underMinute" };
  if (abs >= DAY) {
    const d = Math.floor(abs / DAY);
    const h = Math.floor((abs % DAY) / HOUR);
    return h > 0 && d < 10 ? { unit: "dh", d, h } : { unit: "d", d };
  }
  if (abs >= HOUR) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m > 0 ? { unit: "hm", h, m } : { unit: "h", h };
  }
  return { unit: "m", m: Math.floor(abs / MINUTE) };
}

/** "3d 4h", "5h 12m", "7m", "under a minute" for a positive duration in ms (English; the dashboard uses durationParts). */
export function formatDuration(ms: number): string {
  const p = durationParts(ms);
  if (p.unit === "underMinute") return "under a minute";
  if (p.unit === "dh") return `${p.d}d ${p.h}h`;
  if (p.unit === "d") return `${p.d}d`;
  if (p.unit === "hm") return `${p.h}h ${p.m}m`;
  if (p.unit === "h") return `${p.h}h`;
  return `${p.m}m`;
}

/**
 * KMS clients renew every 7 days and get 180 days, so a healthy client shows ~173–180 days.
 * Under 30 days means renewals have been failing for months; under 7 days is urgent.
 */
export function timeToExpiry(expiresAt: string | null | undefined, now: Date = new Date()): Expiry {
  if (!expiresAt) return { text: "—", tone: null };
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return { text: "—", tone: null };
  const left = at - now.getTime();
  if (left <= 0) return { text: `expired ${formatDuration(left)} ago`, tone: "critical" };
  const text = `in ${formatDuration(left)}`;
  if (left < 7 * DAY) return { text, tone: "critical" };
  if (left < 30 * DAY) return { text, tone: "warning" };
  return { text, tone: "ok" };
}

/** Minutes as reported by /dlv or CIM (grace remaining) as a duration; "—" when unknown. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  if (minutes <= 0) return "0m";
  return formatDuration(minutes * MINUTE);
}

/** Absolute local date-time for tooltips and tables; "—" when missing or invalid. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "—";
  return new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
