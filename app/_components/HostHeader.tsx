"use client";
// Host page header: name, overall state (worst open finding), license state and the key /dlv facts.
import { DnsPublishing, HostCount, HostPort } from "@/app/_components/HostsTable";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { COUNT_THRESHOLDS } from "@/lib/present/charts/prepareHostTrend";
import type { HostDetail } from "@/lib/read/hosts/getHostDetail";
import { SupportBundleLink } from "@/app/_components/export/SupportBundleLink";
import styles from "./HostHeader.module.css";

function HostState({ findings }: { findings: HostDetail["findings"] }) {
  const critical = findings.filter((f) => f.severity === "critical").length;
  const warning = findings.filter((f) => f.severity === "warning").length;
  if (critical > 0) return <span className="badge critical">{critical} critical</span>;
  if (warning > 0) return <span className="badge warning">{warning} warning</span>;
  return <span className="badge ok">healthy</span>;
}

function orDash(value: string | number | null) {
  return value === null ? <span className="muted">—</span> : value;
}

export function HostHeader({ detail }: { detail: HostDetail }) {
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
        <div>
          <dt>Current count (reported)</dt>
          <dd>
            <HostCount count={host.currentCount} />{" "}
            <span className="muted small">
              needs {needed}
              {facts.serverOnly ? " (servers only)" : " for client OS"}
            </span>
          </dd>
        </div>
        <div>
          <dt>Distinct CMIDs in 12290 events, 30 d</dt>
          <dd>{facts.distinctCmids30d}</dd>
        </div>
        <div>
          <dt>Edition / channel</dt>
          <dd>
            {orDash(host.edition)} <span className="muted small">{host.channel}</span>
          </dd>
        </div>
        <div>
          <dt>Notification reason</dt>
          <dd>{orDash(facts.notificationReason)}</dd>
        </div>
        <div>
          <dt>Port</dt>
          <dd>
            <HostPort port={host.listeningPort} />
          </dd>
        </div>
        <div>
          <dt>DNS publishing</dt>
          <dd>
            {/* Configured on is not working: the header must agree with the 12293 finding. */}
            {findings.some((f) => f.ruleId === "host-dns-publish-failed") ? (
              <span className="badge warning">{host.dnsPublishing === false ? "off, failing (12293)" : "on, failing (12293)"}</span>
            ) : (
              <DnsPublishing enabled={host.dnsPublishing} />
            )}
          </dd>
        </div>
        <div>
          <dt>Service version</dt>
          <dd>{orDash(host.serviceVersion)}</dd>
        </div>
        <div>
          <dt>Requests total / failed</dt>
          <dd>
            {orDash(host.totalRequests)} / {orDash(host.failedRequests)}
          </dd>
        </div>
        <div>
          <dt>Last request (12290)</dt>
          <dd>
            <TimeAgo iso={host.lastRequestAt} empty="never" />
          </dd>
        </div>
        <div>
          <dt>What its clients see (24 h)</dt>
          <dd>
            {facts.unreachableClients24h > 0 ? (
              <a href={`/clients?kmsHost=${encodeURIComponent(host.fqdn)}`} className="badge critical">
                {facts.unreachableClients24h} clients could not reach this host in the last 24 h
              </a>
            ) : (
              <span className="muted">no unanswered request</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Last check-in</dt>
          <dd>
            <TimeAgo iso={host.lastCheckInAt} empty="never" />
          </dd>
        </div>
      </dl>
    </div>
  );
}
