// Counts per severity as buttons that filter the list (click again to show all).
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { severityOrder, type SeverityFilter } from "@/lib/read/alerts/findingFilters";
import styles from "./clients.module.css";

type Props = { counts: Record<(typeof severityOrder)[number], number>; active: SeverityFilter; onSelect: (s: SeverityFilter) => void };

export function SeverityCounts({ counts, active, onSelect }: Props) {
  const t = useTranslations("severity");
  const format = useFormatter();
  return (
    <div className={styles.counts}>
      {severityOrder.map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={active === s}
          className={`${styles.count} ${active === s ? styles.active : ""}`}
          onClick={() => onSelect(active === s ? "" : s)}
        >
          <span className={styles.countNumber}>{format.number(counts[s])}</span>
          <span className={`badge ${s}`}>{t(s)}</span>
        </button>
      ))}
    </div>
  );
}
