"use client";
// Forensic signals of a host name: severity, title, why, fix (commands as <code>) and evidence, in the page's language.
import { useTranslations } from "next-intl";
import type { ForensicSignal } from "@/lib/evaluate/rules/forensicTypes";
import { EvidenceList, WhyAndFix } from "@/app/_components/FindingList";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useLocalizeFinding } from "@/app/_components/useRenderMessage";
import styles from "@/app/_components/FindingList.module.css";

export function ForensicSignalList({ signals }: { signals: ForensicSignal[] }) {
  const t = useTranslations("findings");
  const severity = useTranslations("severity");
  const localize = useLocalizeFinding();
  if (signals.length === 0) return <p className="muted">{t("noForensicSignal")}</p>;
  return (
    <ul className={styles.list}>
      {signals.map((s) => {
        const text = localize(s);
        return (
          <li key={s.ruleId} className={`${styles.item} ${styles[s.severity]}`} data-rule={s.ruleId}>
            <div className={styles.head}>
              <span className={`badge ${s.severity}`}>{severity(s.severity)}</span>
              <span className={styles.title}>{text.title}</span>
              {s.since && <span className="muted small">{t.rich("since", { time: () => <TimeAgo iso={s.since} /> })}</span>}
            </div>
            <WhyAndFix cause={text.cause} fix={text.fix} />
            <EvidenceList evidence={s.evidence} />
            <div className="muted small">{t("rule", { id: s.ruleId })}</div>
          </li>
        );
      })}
    </ul>
  );
}
