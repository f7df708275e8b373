"use client";
// "3 h ago", with the full ISO timestamp on hover. Re-reads the clock every minute.
import { useEffect, useState } from "react";
import { formatTimeAgo } from "@/lib/present/format/timeAgo";

export function TimeAgo({ iso, empty }: { iso: string | null; empty?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (iso === null) return <span className="muted">{empty ?? "—"}</span>;
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {formatTimeAgo(iso, now)}
    </time>
  );
}
