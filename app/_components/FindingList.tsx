"use client";
// Findings of the diagnosis rules: severity, title, subject, cause, fix (commands as <code>), evidence, since.
import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { EvidenceValue, Finding } from "@/lib/evaluate/rules/types";
import { InlineCode } from "@/app/_components/InlineCode";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useLocalizeFinding } from "@/app/_components/useRenderMessage";
import styles from "./FindingList.module.css";

function EvidenceText({ value }: { value: EvidenceValue }) {
  const t = useTranslations("common");
  if (value === null) return <>{t("unknown")}</>;
  return <>{typeof value === "boolean" ? (value ? t("yes") : t("no")) : String(value)}</>;
}

/** A finding's cause and fix, commands as <code>. */
export function WhyAndFix({ cause, fix }: { cause: string; fix: string }) {
  const t = useTranslations("findings");
  return (
    <>
      <p className={styles.text}>
        <span className={styles.label}>{t("why")}</span>
        <InlineCode text={cause} />
      </p>
      <p className={styles.text}>
        <span className={styles.label}>{t("fix")}</span>
        <InlineCode text={fix} />
      </p>
    </>
  );
}

/** The values that made a rule fire, by name. */
export function EvidenceList({ evidence }: { evidence: Finding["evidence"] }) {
  const pairs = Object.entries(evidence);
  if (pairs.length === 0) return null;
  return (
    <dl className={styles.evidence}>
      {pairs.map(([key, value]) => (
        <div key={key} className={styles.pair}>
          <dt>{key}</dt>
          <dd>
            <EvidenceText value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function subjectHref(subject: Finding["subject"]): string {
  return `/${subject.kind === "host" ? "hosts" : "clients"}/${subject.machineId}`;
}

/** What a finding and a forensic signal both have, and so both show. */
type ItemFacts = Pick<Finding, "ruleId" | "severity" | "title" | "cause" | "fix" | "evidence" | "since" | "messages">;

/** One finding or forensic signal: severity, title, what it is about (`subject`, when the list mixes machines),
 * since when, cause and fix, evidence, and its rule (also as data-rule, for the browser tests). */
export function FindingItem({ finding, subject }: { finding: ItemFacts; subject?: ReactNode }) {
  const t = useTranslations("findings");
  const severity = useTranslations("severity");
  const text = useLocalizeFinding()(finding);
  return (
    <li className={`${styles.item} ${styles[finding.severity]}`} data-rule={finding.ruleId}>
      <div className={styles.head}>
        <span className={`badge ${finding.severity}`}>{severity(finding.severity)}</span>
        <span className={styles.title}>{text.title}</span>
        {subject}
        {finding.since && <span className="muted small">{t.rich("since", { time: () => <TimeAgo iso={finding.since} /> })}</span>}
      </div>
      <WhyAndFix cause={text.cause} fix={text.fix} />
      <EvidenceList evidence={finding.evidence} />
      <div className="muted small">{t("rule", { id: finding.ruleId })}</div>
    </li>
  );
}

function SubjectLink({ subject }: { subject: Finding["subject"] }) {
  const t = useTranslations("findings");
  return (
    <Link href={subjectHref(subject)}>
      {subject.fqdn} <span className="muted small">({subject.kind === "host" ? t("kindHost") : t("kindClient")})</span>
    </Link>
  );
}

export function FindingList({ findings, showSubject = true }: { findings: Finding[]; showSubject?: boolean }) {
  const t = useTranslations("findings");
  if (findings.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <ul className={styles.list}>
      {findings.map((finding) => (
        <FindingItem
          key={`${finding.ruleId}:${finding.subject.machineId}`}
          finding={finding}
          subject={showSubject && <SubjectLink subject={finding.subject} />}
        />
      ))}
    </ul>
  );
}
