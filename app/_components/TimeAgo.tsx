"use client";
// "3 hr. ago" / "il y a 3 h" in the user's language, with the full date on hover. Re-reads the clock every minute.
import { useFormatter, useNow } from "next-intl";

export function TimeAgo({ iso, empty }: { iso: string | null; empty?: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  if (iso === null) return <span className="muted">{empty ?? "—"}</span>;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })} suppressHydrationWarning>
      {format.relativeTime(at, { now, style: "short" })}
    </time>
  );
}
