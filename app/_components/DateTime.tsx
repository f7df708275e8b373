"use client";
// An absolute date and time in the user's language ("4 déc. 2026, 17:32"); "—" when missing or invalid.
import { useFormatter } from "next-intl";

export function DateTime({ iso }: { iso: string | null | undefined }) {
  const format = useFormatter();
  if (!iso || Number.isNaN(Date.parse(iso))) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" })}
    </time>
  );
}
