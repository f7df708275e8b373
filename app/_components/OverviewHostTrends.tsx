"use client";
// One sparkline of the reported count per KMS host (last 30 days), each linking to the host's page, with a
// text summary (latest, lowest, highest) for screen readers.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CountSparkline } from "@/app/_components/charts/CountSparkline";
import { COUNT_THRESHOLDS, prepareHostTrend, summarizeTrend } from "@/lib/present/charts/prepareHostTrend";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";
import styles from "./OverviewHostTrends.module.css";

type HostTrendSeries = FleetOverview["hostTrends"][number];

function HostSparkline({ host }: { host: HostTrendSeries }) {
  const t = useTranslations("hostTrends");
  const trend = prepareHostTrend({
    reported: host.points,
    reconstructed: [],
    forecast: [],
    serverOnly: false,
    unit: "day",
    thresholds: COUNT_THRESHOLDS,
  });
  const summary = summarizeTrend(trend.rows);
  const latestCount = host.points.findLast((p) => p.count !== null)?.count ?? null;
  return (
    <div className={styles.host}>
      <div className={styles.head}>
        <Link href={`/hosts/${host.machineId}`} className={styles.fqdn} title={host.fqdn}>
          {host.fqdn}
        </Link>
        {latestCount === null ? (
          <span className="muted small">{t("noCount")}</span>
        ) : (
          <span className={latestCount < COUNT_THRESHOLDS.clientOs ? styles.low : undefined} title={t("latest")}>
            {latestCount}
          </span>
        )}
      </div>
      {summary ? (
        <figure
          className="chartFigure"
          aria-label={t("summary", { host: host.fqdn, count: summary.latest, min: summary.min, max: summary.max })}
        >
          <CountSparkline trend={trend} />
        </figure>
      ) : (
        <p className="muted small">{t("noCountRange")}</p>
      )}
    </div>
  );
}

export function OverviewHostTrends({ hostTrends }: { hostTrends: HostTrendSeries[] }) {
  const t = useTranslations("hostTrends");
  if (hostTrends.length === 0) return <p className="muted">{t.rich("empty", { code: (c) => <code>{c}</code> })}</p>;
  return (
    <>
      <p className="muted small">{t("note", { threshold: COUNT_THRESHOLDS.clientOs })}</p>
      <div className={styles.hosts}>
        {hostTrends.map((host) => (
          <HostSparkline key={host.machineId} host={host} />
        ))}
      </div>
    </>
  );
}
