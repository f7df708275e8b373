"use client";
// A table cell holding a moment: "3 hr. ago" (TimeAgo, the full date on hover) or the full date and time (DateTime).
import type { TdHTMLAttributes } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { TimeAgo } from "@/app/_components/TimeAgo";

type Props = Omit<TdHTMLAttributes<HTMLTableCellElement>, "children"> & {
  iso: string | null;
  /** "ago": relative (TimeAgo); "date": absolute (DateTime). */
  show: "ago" | "date";
  /** What an ago cell says without a moment ("never"). */
  empty?: string;
};

export function WhenCell({ iso, show, empty, ...cell }: Props) {
  return <td {...cell}>{show === "ago" ? <TimeAgo iso={iso} empty={empty} /> : <DateTime iso={iso} />}</td>;
}
