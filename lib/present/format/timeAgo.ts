// "3 h ago" / "in 2 d" for a timestamp, relative to `now`. Pure: the caller passes the clock.

import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/core/time";

/** Shown for a missing or unparsable timestamp: "unknown", never a made-up age. */
export const NO_TIME = "—";

/** Largest unit that fits, rounded down: 59 min → "59 min", 61 min → "1 h", 47 h → "1 d". */
function span(ms: number): string {
  if (ms < MINUTE_MS) return "";
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min`;
  if (ms < DAY_MS) return `${Math.floor(ms / HOUR_MS)} h`;
  if (ms < 60 * DAY_MS) return `${Math.floor(ms / DAY_MS)} d`;
  if (ms < 730 * DAY_MS) return `${Math.floor(ms / (30 * DAY_MS))} mo`;
  return `${Math.floor(ms / (365 * DAY_MS))} y`;
}

export function formatTimeAgo(iso: string | null | undefined, now: number): string {
  if (iso === null || iso === undefined || iso === "") return NO_TIME;
  const t = Date.parse(iso);
  if (!Number.isFinite(t) || !Number.isFinite(now)) return NO_TIME;
  const diff = now - t;
  const text = span(Math.abs(diff));
  if (text === "") return "just now";
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}
