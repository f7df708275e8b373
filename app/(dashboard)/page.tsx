"use client";
// Fleet overview: is activation healthy? Headline, counts, license states, per-host count trends, newest alerts.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { FindingList } from "@/app/_components/FindingList";
import { LoadState } from "@/app/_components/HostsLoadState";
import { OverviewAlertsByRule } from "@/app/_components/OverviewAlertsByRule";
import { OverviewHostTrends } from "@/app/_components/OverviewHostTrends";
import { FleetActivation2026Section } from "@/app/_components/activation2026/FleetActivation2026Section";
import { OverviewLicenseShares } from "@/app/_components/OverviewLicenseShares";
import { useOverviewQuery } from "@/lib/client/useOverviewQuery";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";

function HealthHeadline({ overview }: { overview: FleetOverview }) {
  const t = useTranslations("overview");
  const { critical, warning, info } = overview.alertsBySeverity;
  if (overview.hosts === 0 && overview.clients === 0) {
    return <p className="muted">{t.rich("empty", { code: (c) => <code>{c}</code> })}</p>;
  }
  if (critical > 0) {
    return (
      <p>
        <span className="badge critical">{t("actionNeeded")}</span> {t("openCritical", { critical, warning })}
      </p>
    );
  }
  if (warning > 0) {
    return (
      <p>
        <span className="badge warning">{t("attention")}</span> {t("warningsOnly", { count: warning })}
      </p>
    );
  }
  return (
    <p>
      <span className="badge ok">{t("healthy")}</span> {info > 0 ? t("allClearInfo", { count: info }) : t("allClear")}
    </p>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  const format = useFormatter();
  return (
    <div className="card">
      <div className="muted small">{label}</div>
      <Link href={href} className="stat">
        {format.number(value)}
      </Link>
    </div>
  );
}

export default function OverviewPage() {
  const t = useTranslations("overview");
  const counts = useTranslations("severityCount");
  const format = useFormatter();
  const { data: overview, isPending, error } = useOverviewQuery();
  return (
    <>
      <h1>{t("title")}</h1>
      <LoadState isPending={isPending} error={error} what={t("what")} />
      {overview && (
        <>
          <div className="card">
            <HealthHeadline overview={overview} />
          </div>
          <div className="grid">
            <Stat label={t("hosts")} value={overview.hosts} href="/hosts" />
            <Stat label={t("clients")} value={overview.clients} href="/clients" />
            <div className="card">
              <div className="muted small">{t("openAlerts")}</div>
              <Link href="/alerts" className="stat">
                {format.number(overview.alertsBySeverity.critical + overview.alertsBySeverity.warning + overview.alertsBySeverity.info)}
              </Link>
              <div className="small">
                <span className="badge critical">{counts("critical", { count: overview.alertsBySeverity.critical })}</span>{" "}
                <span className="badge warning">{counts("warning", { count: overview.alertsBySeverity.warning })}</span>{" "}
                <span className="badge info">{counts("info", { count: overview.alertsBySeverity.info })}</span>
              </div>
            </div>
          </div>
          <section className="card">
            <h2>{t("licenseStates")}</h2>
            <OverviewLicenseShares licenseStates={overview.licenseStates} />
          </section>
          <section className="card">
            <h2>{t("hostCounts")}</h2>
            <OverviewHostTrends hostTrends={overview.hostTrends} />
          </section>
          <FleetActivation2026Section />
          <section className="card">
            <h2>{t("alertsByKind")}</h2>
            <OverviewAlertsByRule alertsByRule={overview.alertsByRule} />
          </section>
          <section className="card">
            <h2>
              {t("examples")}{" "}
              <span className="muted small">{t.rich("examplesNote", { link: (c) => <Link href="/alerts">{c}</Link> })}</span>
            </h2>
            <FindingList findings={overview.newestAlerts} />
          </section>
        </>
      )}
    </>
  );
}
