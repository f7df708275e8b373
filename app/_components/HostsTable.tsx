"use client";
// KMS hosts table: the state ops check first on each host.
import Link from "next/link";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { COUNT_THRESHOLDS } from "@/lib/present/charts/prepareHostTrend";
import type { HostListRow } from "@/lib/read/hosts/getHostList";
import styles from "./HostsTable.module.css";

/** CIM reports 0 when the port was never set: the host then listens on the default 1688. */
export function HostPort({ port }: { port: number | null }) {
  if (port === null) return <span className="muted">—</span>;
  if (port === 0) return <span title="Not set: the default port">1688 (default)</span>;
  return <span>{port}</span>;
}

export function DnsPublishing({ enabled }: { enabled: boolean | null }) {
  if (enabled === null) return <span className="muted">unknown</span>;
  return enabled ? <span className="badge ok">on</span> : <span className="badge warning">off</span>;
}

export function HostCount({ count }: { count: number | null }) {
  if (count === null) return <span className="muted">—</span>;
  const low = count < COUNT_THRESHOLDS.clientOs;
  return (
    <span
      className={low ? styles.low : undefined}
      title={low ? `Below ${COUNT_THRESHOLDS.clientOs}: client OS cannot activate` : undefined}
    >
      {count}
    </span>
  );
}

export function HostsTable({ hosts }: { hosts: HostListRow[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>KMS host</th>
          <th>License</th>
          <th className={styles.num}>Count</th>
          <th>Port</th>
          <th>DNS publishing</th>
          <th>Version</th>
          <th>Last request</th>
          <th>Last check-in</th>
        </tr>
      </thead>
      <tbody>
        {hosts.map((host) => (
          <tr key={host.id}>
            <td>
              <Link href={`/hosts/${host.id}`}>{host.fqdn}</Link>
              {host.edition && <span className={`${styles.sub} muted small`}>{host.edition}</span>}
            </td>
            <td>
              <LicenseStatusBadge status={host.licenseStatus} />
            </td>
            <td className={styles.num}>
              <HostCount count={host.currentCount} />
            </td>
            <td>
              <HostPort port={host.listeningPort} />
            </td>
            <td>
              <DnsPublishing enabled={host.dnsPublishing} />
            </td>
            <td>{host.serviceVersion ?? <span className="muted">—</span>}</td>
            <td>
              <TimeAgo iso={host.lastRequestAt} empty="never" />
            </td>
            <td>
              <TimeAgo iso={host.lastCheckInAt} empty="never" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
