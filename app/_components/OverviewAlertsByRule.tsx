"use client";
// Open alerts counted per rule, so one widespread problem reads as one line.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";
import { TableScroll } from "@/app/_components/table/TableScroll";
import { useRenderMessage } from "@/app/_components/useRenderMessage";
import { localizeRuleTitle } from "@/lib/kms/localizeFinding";

export function OverviewAlertsByRule({ alertsByRule }: { alertsByRule: FleetOverview["alertsByRule"] }) {
  const t = useTranslations("alertsByRule");
  const severity = useTranslations("severity");
  const format = useFormatter();
  const render = useRenderMessage();
  if (alertsByRule.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("severity")}</th>
            <th scope="col">{t("alert")}</th>
            <th scope="col">{t("machines")}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </TableScroll>
  );
}
