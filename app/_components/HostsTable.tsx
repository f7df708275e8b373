"use client";
// KMS hosts table: the state ops check first on each host; every column sorts (kept in the URL as ?sort=).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { WorstFinding } from "@/app/_components/WorstFinding";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ColumnTable, type TableColumn } from "@/app/_components/table/ColumnTable";
import { useUrlSort } from "@/app/_components/table/useUrlSort";
import { COUNT_THRESHOLDS } from "@/lib/present/charts/prepareHostTrend";
import { SEVERITY_RANK, sortRows } from "@/lib/present/table/sort";
import type { HostListRow } from "@/lib/read/hosts/getHostList";
import styles from "./HostsTable.module.css";

/** CIM reports 0 when the port was never set: the host then listens on the default 1688. */
export function HostPort({ port }: { port: number | null }) {
  const t = useTranslations("hosts");
  if (port === null) return <span className="muted">—</span>;
  if (port === 0) return <span title={t("portDefaultTitle")}>{t("portDefault")}</span>;
  return <span>{port}</span>;
}

export function DnsPublishing({ enabled }: { enabled: boolean | null }) {
  const t = useTranslations("hosts");
  const common = useTranslations("common");
  if (enabled === null) return <span className="muted">{common("unknown")}</span>;
  return enabled ? <span className="badge ok">{t("dnsOn")}</span> : <span className="badge warning">{t("dnsOff")}</span>;
}

export function HostCount({ count }: { count: number | null }) {
  const t = useTranslations("hosts");
  if (count === null) return <span className="muted">—</span>;
  const low = count < COUNT_THRESHOLDS.clientOs;
  return (
    <span className={low ? styles.low : undefined} title={low ? t("countLow", { threshold: COUNT_THRESHOLDS.clientOs }) : undefined}>
      {count}
    </span>
  );
}

const COLUMNS = ["fqdn", "worst", "license", "count", "port", "dns", "version", "lastRequest", "lastCheckIn"] as const;
type Column = (typeof COLUMNS)[number];

function sortValue(host: HostListRow, column: Column) {
  switch (column) {
    case "fqdn":
      return host.fqdn;
    case "worst":
      return host.worstFinding ? (SEVERITY_RANK[host.worstFinding.severity] ?? 3) : null;
    case "license":
      return host.licenseStatus;
    case "count":
      return host.currentCount;
    case "port":
      return host.listeningPort === 0 ? 1688 : host.listeningPort;
    case "dns":
      return host.dnsPublishing;
    case "version":
      return host.serviceVersion;
    case "lastRequest":
      return host.lastRequestAt ? Date.parse(host.lastRequestAt) : null;
    case "lastCheckIn":
      return Date.parse(host.lastCheckInAt);
  }
}

export function HostsTable({ hosts }: { hosts: HostListRow[] }) {
  const t = useTranslations("hosts");
  const common = useTranslations("common");
  const { sort, toggle } = useUrlSort(COLUMNS, { key: "fqdn", dir: "asc" });
  const columns: TableColumn<HostListRow, Column>[] = [
    {
      key: "fqdn",
      label: t("colHost"),
      cell: (host) => (
        <>
          <Link href={`/hosts/${host.id}`}>{host.fqdn}</Link>
          {host.edition && <span className={`${styles.sub} muted small`}>{host.edition}</span>}
        </>
      ),
    },
    { key: "worst", label: t("colWorst"), cell: (host) => <WorstFinding finding={host.worstFinding} /> },
    { key: "license", label: t("colLicense"), cell: (host) => <LicenseStatusBadge status={host.licenseStatus} /> },
    {
      key: "count",
      label: t("colCount"),
      cell: (host) => <HostCount count={host.currentCount} />,
      className: styles.num,
      headClassName: styles.num,
    },
    { key: "port", label: t("colPort"), cell: (host) => <HostPort port={host.listeningPort} /> },
    { key: "dns", label: t("colDns"), cell: (host) => <DnsPublishing enabled={host.dnsPublishing} /> },
    { key: "version", label: t("colVersion"), cell: (host) => host.serviceVersion ?? <span className="muted">—</span> },
    { key: "lastRequest", label: t("colLastRequest"), cell: (host) => <TimeAgo iso={host.lastRequestAt} empty={common("never")} /> },
    { key: "lastCheckIn", label: t("colLastCheckIn"), cell: (host) => <TimeAgo iso={host.lastCheckInAt} empty={common("never")} /> },
  ];
  return (
    <ColumnTable
      className="stackOnPhone"
      columns={columns}
      rows={sortRows(hosts, sort, sortValue)}
      rowKey={(host) => host.id}
      sort={{ state: sort, onSort: toggle }}
    />
  );
}
