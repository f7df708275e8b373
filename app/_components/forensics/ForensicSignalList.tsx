"use client";
// Forensic signals of a host name: severity, title, why, fix (commands as <code>) and evidence.
import type { ForensicSignal } from "@/lib/evaluate/rules/forensicTypes";
import { InlineCode } from "@/app/_components/InlineCode";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "@/app/_components/FindingList.module.css";

export function ForensicSignalList({ signals }: { signals: ForensicSignal[] }) {
  if (signals.length === 0) return <p className="muted">No forensic signal: the ePIDs clients received are consistent with this host.</p>;
  return (
    <ul className={styles.list}>
      {signals.map((s) => (
        <li key={s.ruleId} className={`${styles.item} ${styles[s.severity]}`} data-rule={s.ruleId}>
          <div className={styles.head}>
            <span className={`badge ${s.severity}`}>{s.severity}</span>
            <span className={styles.title}>{s.title}</span>
            {s.since && (
              <span className="muted small">
                since <TimeAgo iso={s.since} />
              </span>
            )}
          </div>
          <p className={styles.text}>
            <span className={styles.label}>Why:</span>
            <InlineCode text={s.cause} />
          </p>
          <p className={styles.text}>
            <span className={styles.label}>Fix:</span>
            <InlineCode text={s.fix} />
          </p>
          <dl className={styles.evidence}>
            {Object.entries(s.evidence).map(([key, value]) => (
              <div key={key} className={styles.pair}>
                <dt>{key}</dt>
                <dd>{value === null ? "unknown" : typeof value === "boolean" ? (value ? "yes" : "no") : String(value)}</dd>
              </div>
            ))}
          </dl>
          <div className="muted small">rule {s.ruleId}</div>
        </li>
      ))}
    </ul>
  );
}
