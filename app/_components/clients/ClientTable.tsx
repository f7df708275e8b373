"use client";
// The clients table: one row per machine, its worst open finding and current Windows license state. The API
// sorts (the list is paged), by any column; the page keeps ?sort= in the URL.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ClientList } from "@/lib/read/clients/getClientList";
import type { ClientSortKey } from "@/lib/read/clients/clientRowsQuery";
import type { SortState } from "@/lib/present/table/sort";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { WorstFinding } from "@/app/_components/WorstFinding";
import { CmidLink } from "@/app/_components/ClientName";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ColumnTable, type TableColumn } from "@/app/_components/table/ColumnTable";
import { ChannelCell } from "./ChannelCell";
import { ExpiryText } from "./ExpiryText";
import styles from "./clients.module.css";

type Row = ClientList["rows"][number];
type Props = { rows: ClientList["rows"]; dim: boolean; sort: SortState<ClientSortKey>; onSort: (key: ClientSortKey) => void };

/** Host names the clients report link to the audit page of that name, which leads on to the host's own page. */
function KmsHostCell({ host, port }: { host: string | null; port: number | null }) {
  if (!host) return <span className="muted">—</span>;
  return (
    <Link href={`/audit/hosts/${encodeURIComponent(host)}`}>
      {host}
      {port ? `:${port}` : ""}
    </Link>
  );
}

export function ClientTable({ rows, dim, sort, onSort }: Props) {
  const t = useTranslations("clients");
  const columns: TableColumn<Row, ClientSortKey>[] = [
    { key: "fqdn", label: t("colClient"), cell: (r) => <Link href={`/clients/${r.id}`}>{r.fqdn}</Link> },
    { key: "worst", label: t("colWorst"), cell: (r) => <WorstFinding finding={r.worstFinding} /> },
    { key: "edition", label: t("colEdition"), cell: (r) => r.edition ?? <span className="muted">—</span> },
    {
      key: "channel",
      label: t("colChannel"),
      cell: (r) => <ChannelCell channel={r.channel} productKeyChannel={r.productKeyChannel} />,
    },
    { key: "partialKey", label: t("colPartialKey"), cell: (r) => r.partialProductKey ?? "—", className: styles.mono },
    { key: "license", label: t("colLicense"), cell: (r) => <LicenseStatusBadge status={r.licenseStatus} /> },
    { key: "expires", label: t("colExpires"), cell: (r) => <ExpiryText iso={r.expiresAt} />, className: styles.nowrap },
    {
      key: "cmid",
      label: t("colCmid"),
      cell: (r) => (r.cmid ? <CmidLink cmid={r.cmid} className={styles.mono} /> : <span className="muted">—</span>),
    },
    { key: "kmsHost", label: t("colKmsHost"), cell: (r) => <KmsHostCell host={r.kmsHost} port={r.kmsPort} />, className: styles.mono },
    { key: "lastCheckIn", label: t("colLastCheckIn"), cell: (r) => <TimeAgo iso={r.lastCheckInAt} /> },
  ];
  return (
    <ColumnTable
      className={`stackOnPhone ${dim ? styles.dim : ""}`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      sort={{ state: sort, onSort }}
    />
  );
}
