"use client";
// "covered" / "not covered: <fix>" / "unknown: <why>" for one product against one host, in the user's language.
import { useTranslations } from "next-intl";
import type { CoverageVerdict } from "@/lib/kms/coverage";
import { useCoverageText } from "./useCoverageText";

export function CoverageBadge({ verdict }: { verdict: CoverageVerdict | null }) {
  const t = useTranslations("activation2026.coverage");
  const say = useCoverageText();
  if (verdict === null) return <span className="muted">{t("notIdentified")}</span>;
  if (verdict.status === "covered")
    return (
      <span title={say(verdict.text.why)}>
        <span className="badge ok">{t("covered")}</span>
      </span>
    );
  if (verdict.status === "not_covered")
    return (
      <span>
        <span className="badge critical">{t("notCovered")}</span> {say(verdict.text.why)}. <strong>{t("fix")}</strong>{" "}
        {say(verdict.text.fix)}
      </span>
    );
  return (
    <span>
      <span className="badge warning">{t("unknown")}</span> {say(verdict.text.why)}
      {verdict.text.fix && <>. {say(verdict.text.fix)}</>}
    </span>
  );
}
