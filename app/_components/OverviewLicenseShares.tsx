"use client";
// Client machines per license state: donut chart plus the exact numbers (the table is the chart's text summary).
import { useFormatter, useTranslations } from "next-intl";
import { LicenseSharesChart } from "@/app/_components/charts/LicenseSharesChart";
import { prepareLicenseShares } from "@/lib/present/charts/prepareLicenseShares";
import styles from "./OverviewLicenseShares.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

export function OverviewLicenseShares({ licenseStates }: { licenseStates: Record<string, number> }) {
  const t = useTranslations("licenseTable");
  const names = useTranslations("licenseShare");
  const format = useFormatter();
  const slices = prepareLicenseShares(licenseStates).map((s) => ({ ...s, name: names(s.key) }));
  if (slices.every((s) => s.value === 0)) {
    return <p className="muted">{t.rich("empty", { code: (c) => <code>{c}</code> })}</p>;
  }
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const summary = t("summary", {
    total: format.number(total),
    parts: slices
      .filter((s) => s.value > 0)
      .map((s) => `${s.name} ${format.number(s.value)}`)
      .join(", "),
  });
  return (
    <div className={styles.layout}>
      <figure className="chartFigure" aria-label={summary}>
        <LicenseSharesChart slices={slices} />
      </figure>
      <DataTable
        caption={summary}
        columns={[t("state"), { label: t("clients"), className: styles.num }, { label: t("share"), className: styles.num }]}
      >
        {slices.map((slice) => (
          <tr key={slice.key}>
            <td>
              <span className={styles.swatch} style={{ background: slice.color }} />
              {slice.name}
            </td>
            <td className={styles.num}>{format.number(slice.value)}</td>
            <td className={styles.num}>{format.number(slice.share, { style: "percent", maximumFractionDigits: 1 })}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
