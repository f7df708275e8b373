"use client";
// Host page header: name, overall state (worst open finding), license state and the key /dlv facts.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DnsPublishing, HostCount, HostPort } from "@/app/_components/HostsTable";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { COUNT_THRESHOLDS } from "@/lib/present/charts/prepareHostTrend";
import type { HostDetail } from "@/lib/read/hosts/getHostDetail";
import { SupportBundleLink } from "@/app/_components/export/SupportBundleLink";
import styles from "./HostHeader.module.css";

function HostState({ findings }: { findings: HostDetail["findings"] }) {
  const t = useTranslations("host");
  const counts = useTranslations("severityCount");
  const critical = findings.filter((f) => f.severity === "critical").length;
  const warning = findings.filter((f) => f.severity === "warning").length;
  if (critical > 0) return <span className="badge critical">{counts("critical", { count: critical })}</span>;
  if (warning > 0) return <span className="badge warning">{counts("warning", { count: warning })}</span>;
  return <span className="badge ok">{t("healthy")}</span>;
}

function orDash(value: string | number | null) {
  return value === null ? <span className="muted">—</span> : value;
}

/** One fact of the header: its name over its value (a <div> groups the pair inside the <dl>). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function HostHeader({ detail }: { detail: HostDetail }) {
  const t = useTranslations("host");
  const common = useTranslations("common");
  const { host, facts, findings } = detail;
  const needed = facts.serverOnly ? COUNT_THRESHOLDS.serverOs : COUNT_THRESHOLDS.clientOs;
  return (
    <div className="card">
      <div className={styles.title}>
        <h1>{host.fqdn}</h1>
        <HostState findings={findings} />
        <LicenseStatusBadge status={host.licenseStatus} />
        <SupportBundleLink kind="host" id={host.id} />
      </div>
      <dl className={styles.facts}>
        <Fact label={t("currentCount")}>
          <HostCount count={host.currentCount} />{" "}
          <span className="muted small">
            {facts.serverOnly ? t("needsServer", { count: needed }) : t("needsClient", { count: needed })}
          </span>
        </Fact>
        <Fact label={t("distinctCmids")}>{facts.distinctCmids30d}</Fact>
        <Fact label={t("editionChannel")}>
          {orDash(host.edition)} <span className="muted small">{host.channel}</span>
        </Fact>
        <Fact label={t("notificationReason")}>{orDash(facts.notificationReason)}</Fact>
        <Fact label={t("port")}>
          <HostPort port={host.listeningPort} />
        </Fact>
        <Fact label={t("dns")}>
          {/* Configured on is not working: the header must agree with the 12293 finding. */}
          {findings.some((f) => f.ruleId === "host-dns-publish-failed") ? (
            <span className="badge warning">{host.dnsPublishing === false ? t("dnsFailingOff") : t("dnsFailingOn")}</span>
          ) : (
            <DnsPublishing enabled={host.dnsPublishing} />
          )}
        </Fact>
        <Fact label={t("serviceVersion")}>{orDash(host.serviceVersion)}</Fact>
        <Fact label={t("requests")}>
          {orDash(host.totalRequests)} / {orDash(host.failedRequests)}
        </Fact>
        <Fact label={t("lastRequest")}>
          <TimeAgo iso={host.lastRequestAt} empty={common("never")} />
        </Fact>
        <Fact label={t("clientsSee")}>
          {facts.unreachableClients24h > 0 ? (
            <a href={`/clients?kmsHost=${encodeURIComponent(host.fqdn)}`} className="badge critical">
              {t("unreachableClients", { count: facts.unreachableClients24h })}
            </a>
          ) : (
            <span className="muted">{t("noUnanswered")}</span>
          )}
        </Fact>
        <Fact label={t("lastCheckIn")}>
          <TimeAgo iso={host.lastCheckInAt} empty={common("never")} />
        </Fact>
      </dl>
    </div>
  );
}
