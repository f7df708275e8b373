"use client";
// The clients table: one row per machine, its worst open finding and current Windows license state. The API
// sorts (the list is paged), by any column; the page keeps ?sort= in the URL.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ClientList } from "@/lib/read/clients/getClientList";
import type { ClientSortKey } from "@/lib/read/clients/clientRowsQuery";
import { CLIENT_SORT_KEYS } from "@/lib/read/clients/clientFilters";
import type { SortState } from "@/lib/present/table/sort";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { WorstFinding } from "@/app/_components/WorstFinding";
import { CmidLink } from "@/app/_components/ClientName";
import { SortableTableHead } from "@/app/_components/table/SortableHeader";
import { ChannelCell } from "./ChannelCell";
import { ExpiryText } from "./ExpiryText";
import styles from "./clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";
import { WhenCell } from "@/app/_components/table/WhenCell";

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
  return (
    <TableScroll>
      <table className={`stackOnPhone ${dim ? styles.dim : ""}`}>
        <SortableTableHead
          columns={CLIENT_SORT_KEYS}
          sort={sort}
          onSort={onSort}
          labels={{
            fqdn: t("colClient"),
            worst: t("colWorst"),
            edition: t("colEdition"),
            channel: t("colChannel"),
            partialKey: t("colPartialKey"),
            license: t("colLicense"),
            expires: t("colExpires"),
            cmid: t("colCmid"),
            kmsHost: t("colKmsHost"),
            lastCheckIn: t("colLastCheckIn"),
          }}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("colClient")}>
                <Link href={`/clients/${r.id}`}>{r.fqdn}</Link>
              </td>
              <td data-label={t("colWorst")}>
                <WorstFinding finding={r.worstFinding} />
              </td>
              <td data-label={t("colEdition")}>{r.edition ?? <span className="muted">—</span>}</td>
              <td data-label={t("colChannel")}>
                <ChannelCell channel={r.channel} productKeyChannel={r.productKeyChannel} />
              </td>
              <td data-label={t("colPartialKey")} className={styles.mono}>
                {r.partialProductKey ?? "—"}
              </td>
              <td data-label={t("colLicense")}>
                <LicenseStatusBadge status={r.licenseStatus} />
              </td>
              <td data-label={t("colExpires")} className={styles.nowrap}>
                <ExpiryText iso={r.expiresAt} />
              </td>
              <td data-label={t("colCmid")}>
                {r.cmid ? <CmidLink cmid={r.cmid} className={styles.mono} /> : <span className="muted">—</span>}
              </td>
              <td data-label={t("colKmsHost")} className={styles.mono}>
                <KmsHostCell host={r.kmsHost} port={r.kmsPort} />
              </td>
              <WhenCell data-label={t("colLastCheckIn")} iso={r.lastCheckInAt} show="ago" />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
