"use client";
// "covered" / "not covered: <fix>" / "unknown: <why>" for one product against one host. The why and fix come from
// the coverage table (lib/kms/coverage) as data, in English; the badges are in the user's language.
import { useTranslations } from "next-intl";
import type { CoverageVerdict } from "@/lib/kms/coverage";

export function CoverageBadge({ verdict }: { verdict: CoverageVerdict | null }) {
  const t = useTranslations("activation2026.coverage");
  if (verdict === null) return <span className="muted">{t("notIdentified")}</span>;
  if (verdict.status === "covered")
    return (
      <span title={verdict.why}>
        <span className="badge ok">{t("covered")}</span>
      </span>
    );
  if (verdict.status === "not_covered")
    return (
      <span>
        <span className="badge critical">{t("notCovered")}</span> {verdict.why}. <strong>{t("fix")}</strong> {verdict.fix}
      </span>
    );
  return (
    <span>
      <span className="badge warning">{t("unknown")}</span> {verdict.why}
      {verdict.fix && <>. {verdict.fix}</>}
    </span>
  );
}
