"use client";
// Client machines per license state: donut chart plus the exact numbers.
import { LicenseSharesChart } from "@/app/_components/charts/LicenseSharesChart";
import { prepareLicenseShares } from "@/lib/present/charts/prepareLicenseShares";
import styles from "./OverviewLicenseShares.module.css";

export function OverviewLicenseShares({ licenseStates }: { licenseStates: Record<string, number> }) {
  const slices = prepareLicenseShares(licenseStates);
  if (slices.every((s) => s.value === 0)) {
    return (
      <p className="muted">
        No client has reported its license state yet. Deploy the agent on a few clients or run <code>npm run simulate</code>.
      </p>
    );
  }
  return (
    <div className={styles.layout}>
      <LicenseSharesChart slices={slices} />
      <table>
        <thead>
          <tr>
            <th>State</th>
            <th className={styles.num}>Clients</th>
            <th className={styles.num}>Share</th>
          </tr>
        </thead>
        <tbody>
          {slices.map((slice) => (
            <tr key={slice.key}>
              <td>
                <span className={styles.swatch} style={{ background: slice.color }} />
                {slice.name}
              </td>
              <td className={styles.num}>{slice.value}</td>
              <td className={styles.num}>{(slice.share * 100).toFixed(1)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
