"use client";
// Open alerts counted per rule, so one widespread problem reads as one line.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";
import { DataTable } from "@/app/_components/table/DataTable";
import { useRenderMessage } from "@/app/_components/useRenderMessage";
import { localizeRuleTitle } from "@/lib/kms/localizeFinding";

export function OverviewAlertsByRule({ alertsByRule }: { alertsByRule: FleetOverview["alertsByRule"] }) {
  const t = useTranslations("alertsByRule");
  const severity = useTranslations("severity");
  const format = useFormatter();
  const render = useRenderMessage();
  if (alertsByRule.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <DataTable columns={[t("severity"), t("alert"), t("machines")]}>
      {alertsByRule.map((rule) => (
        <tr key={rule.ruleId}>
          <td>
            <span className={`badge ${rule.severity}`}>{severity(rule.severity)}</span>
          </td>
          <td>
            <Link href={`/alerts?rule=${encodeURIComponent(rule.ruleId)}`}>{localizeRuleTitle(rule.ruleId, rule.title, render)}</Link>
          </td>
          <td>{format.number(rule.count)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
