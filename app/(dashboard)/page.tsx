"use client";
// Fleet overview: is activation healthy? Headline, counts, license states, per-host count trends, newest alerts.
import Link from "next/link";
import { FindingList } from "@/app/_components/FindingList";
import { LoadState } from "@/app/_components/HostsLoadState";
import { OverviewAlertsByRule } from "@/app/_components/OverviewAlertsByRule";
import { OverviewHostTrends } from "@/app/_components/OverviewHostTrends";
import { FleetActivation2026Section } from "@/app/_components/activation2026/FleetActivation2026Section";
import { OverviewLicenseShares } from "@/app/_components/OverviewLicenseShares";
import { useOverviewQuery } from "@/lib/client/useOverviewQuery";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";

function HealthHeadline({ overview }: { overview: FleetOverview }) {
  const { critical, warning, info } = overview.alertsBySeverity;
  if (overview.hosts === 0 && overview.clients === 0) {
    return (
      <p className="muted">
        Nothing has reported yet. Deploy the agent on your KMS hosts and clients, or run <code>npm run simulate</code> to load a demo fleet.
      </p>
    );
  }
  if (critical > 0) {
    return (
      <p>
        <span className="badge critical">Action needed</span> Open alerts: {critical} critical, {warning} warning. Start with the critical
        ones below; each says why it happens and what to do.
      </p>
    );
  }
  if (warning > 0) {
    return (
      <p>
        <span className="badge warning">Attention</span> No critical alert, but {warning} warning{warning === 1 ? "" : "s"} to look at.
      </p>
    );
  }
  return (
    <p>
      <span className="badge ok">Healthy</span> No critical or warning alert is open{info > 0 ? ` (${info} informational)` : ""}.
    </p>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <div className="card">
      <div className="muted small">{label}</div>
      <Link href={href} className="stat">
        {value}
      </Link>
    </div>
  );
}

export default function OverviewPage() {
  const { data: overview, isPending, error } = useOverviewQuery();
  return (
    <>
      <h1>Fleet overview</h1>
      <LoadState isPending={isPending} error={error} what="the fleet overview" />
      {overview && (
        <>
          <div className="card">
            <HealthHeadline overview={overview} />
          </div>
          <div className="grid">
            <Stat label="KMS hosts" value={overview.hosts} href="/hosts" />
            <Stat label="Client machines" value={overview.clients} href="/clients" />
            <div className="card">
              <div className="muted small">Open alerts</div>
              <Link href="/alerts" className="stat">
                {overview.alertsBySeverity.critical + overview.alertsBySeverity.warning + overview.alertsBySeverity.info}
              </Link>
              <div className="small">
                <span className="badge critical">{overview.alertsBySeverity.critical} critical</span>{" "}
                <span className="badge warning">{overview.alertsBySeverity.warning} warning</span>{" "}
                <span className="badge info">{overview.alertsBySeverity.info} info</span>
              </div>
            </div>
          </div>
          <section className="card">
            <h2>Client license states</h2>
            <OverviewLicenseShares licenseStates={overview.licenseStates} />
          </section>
          <section className="card">
            <h2>KMS host counts</h2>
            <OverviewHostTrends hostTrends={overview.hostTrends} />
          </section>
          <FleetActivation2026Section />
          <section className="card">
            <h2>Open alerts by kind</h2>
            <OverviewAlertsByRule alertsByRule={overview.alertsByRule} />
          </section>
          <section className="card">
            <h2>
              One example per kind{" "}
              <span className="muted small">
                (most severe first, then newest; <Link href="/alerts">all alerts</Link>)
              </span>
            </h2>
            <FindingList findings={overview.newestAlerts} />
          </section>
        </>
      )}
    </>
  );
}
