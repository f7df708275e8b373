"use client";
// One sparkline of the reported count per KMS host (last 30 days), each linking to the host's page.
import Link from "next/link";
import { CountSparkline } from "@/app/_components/charts/CountSparkline";
import { COUNT_THRESHOLDS, prepareHostTrend } from "@/lib/present/charts/prepareHostTrend";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";
import styles from "./OverviewHostTrends.module.css";

type HostTrendSeries = FleetOverview["hostTrends"][number];

function HostSparkline({ host }: { host: HostTrendSeries }) {
  const trend = prepareHostTrend({
    reported: host.points,
    reconstructed: [],
    forecast: [],
    serverOnly: false,
    unit: "day",
    thresholds: COUNT_THRESHOLDS,
  });
  const latestCount = host.points.findLast((p) => p.count !== null)?.count ?? null;
  return (
    <div className={styles.host}>
      <div className={styles.head}>
        <Link href={`/hosts/${host.machineId}`} className={styles.fqdn} title={host.fqdn}>
          {host.fqdn}
        </Link>
        {latestCount === null ? (
          <span className="muted small">no count</span>
        ) : (
          <span className={latestCount < COUNT_THRESHOLDS.clientOs ? styles.low : undefined} title="Latest reported count">
            {latestCount}
          </span>
        )}
      </div>
      {trend.rows.some((r) => r.reported !== null) ? (
        <CountSparkline trend={trend} />
      ) : (
        <p className="muted small">No count reported in the last 30 days.</p>
      )}
    </div>
  );
}

export function OverviewHostTrends({ hostTrends }: { hostTrends: HostTrendSeries[] }) {
  if (hostTrends.length === 0) {
    return (
      <p className="muted">
        No KMS host has reported yet. Deploy the agent on your KMS hosts or run <code>npm run simulate</code>.
      </p>
    );
  }
  return (
    <>
      <p className="muted small">
        Reported count, last 30 days. Dashed red line: {COUNT_THRESHOLDS.clientOs}, the count client OS activation needs.
      </p>
      <div className={styles.hosts}>
        {hostTrends.map((host) => (
          <HostSparkline key={host.machineId} host={host} />
        ))}
      </div>
    </>
  );
}
