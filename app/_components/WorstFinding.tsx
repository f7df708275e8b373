"use client";
// A row's most severe open finding: severity badge and title, linking to the alerts of that rule.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRenderMessage } from "@/app/_components/useRenderMessage";
import { localizeRuleTitle } from "@/lib/kms/localizeFinding";

export type WorstFindingValue = { severity: string; title: string; ruleId: string } | null;

export function WorstFinding({ finding }: { finding: WorstFindingValue }) {
  const t = useTranslations("hosts");
  const severity = useTranslations("severity");
  const render = useRenderMessage();
  if (!finding) return <span className="muted">{t("noFinding")}</span>;
  const known = finding.severity === "critical" || finding.severity === "warning" || finding.severity === "info";
  return (
    <span className="worstFinding">
      <span className={`badge ${finding.severity}`}>
        {known ? severity(finding.severity as "critical" | "warning" | "info") : finding.severity}
      </span>{" "}
      <Link href={`/alerts?rule=${encodeURIComponent(finding.ruleId)}`}>{localizeRuleTitle(finding.ruleId, finding.title, render)}</Link>
    </span>
  );
}
