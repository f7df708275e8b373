"use client";
// Forensic signals of a host name: severity, title, why, fix (commands as <code>) and evidence, in the page's language.
import { useTranslations } from "next-intl";
import type { ForensicSignal } from "@/lib/evaluate/rules/forensicTypes";
import { FindingItem } from "@/app/_components/FindingList";
import styles from "@/app/_components/FindingList.module.css";

export function ForensicSignalList({ signals }: { signals: ForensicSignal[] }) {
  const t = useTranslations("findings");
  if (signals.length === 0) return <p className="muted">{t("noForensicSignal")}</p>;
  return (
    <ul className={styles.list}>
      {signals.map((s) => (
        <FindingItem key={s.ruleId} finding={s} />
      ))}
    </ul>
  );
}
