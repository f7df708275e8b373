"use client";
// Per-host breakdown of the clients served in the last 30 days: summary by activation ID / min count, then each
// client (name and CMID are links; every column sorts, kept in the URL as ?clientSort=).
import { useFormatter, useTranslations } from "next-intl";
import { ClientName, CmidLink } from "@/app/_components/ClientName";
import { HostHresult, MinCount, YesNo } from "@/app/_components/HostHresult";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { SortableHeader } from "@/app/_components/table/SortableHeader";
import { useUrlSort } from "@/app/_components/table/useUrlSort";
import { sortRows } from "@/lib/present/table/sort";
import type { HostClients } from "@/lib/read/hosts/getHostClients";
import styles from "./HostClientsTable.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

function GroupSummary({ groups }: { groups: HostClients["groups"] }) {
  const t = useTranslations("hostClients");
  const format = useFormatter();
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("colEditionId")}</th>
            <th scope="col">{t("colMinCount")}</th>
            <th scope="col" className={styles.num}>
              {t("colClients")}
            </th>
            <th scope="col" className={styles.num}>
              {t("colVms")}
            </th>
            <th scope="col" className={styles.num}>
              {t("colFailing")}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.activationId}|${g.minCount}`}>
              <td>
                {g.edition ?? <span className="muted">{t("unknownEdition")}</span>}
                <div className={`${styles.mono} muted`}>{g.activationId ?? "—"}</div>
              </td>
              <td>
                <MinCount minCount={g.minCount} />
              </td>
              <td className={styles.num}>{format.number(g.clients)}</td>
              <td className={styles.num}>{format.number(g.vms)}</td>
              <td className={`${styles.num} ${g.failing > 0 ? styles.bad : ""}`}>{format.number(g.failing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const COLUMNS = ["client", "edition", "minCount", "license", "vm", "result", "lastRequest", "requests"] as const;
type Column = (typeof COLUMNS)[number];
type ClientRow = HostClients["clients"][number];

function sortValue(c: ClientRow, column: Column) {
  switch (column) {
    case "client":
      return c.clientFqdn;
    case "edition":
      return c.edition ?? c.activationId;
    case "minCount":
      return c.minCount;
    case "license":
      return c.licenseStatus;
    case "vm":
      return c.isVm;
    case "result":
      return c.hresult;
    case "lastRequest":
      return Date.parse(c.lastRequestAt);
    case "requests":
      return c.requests;
  }
}

function ClientRows({ clients }: { clients: HostClients["clients"] }) {
  const t = useTranslations("hostClients");
  const { sort, toggle } = useUrlSort(COLUMNS, { key: "client", dir: "asc" }, "clientSort");
  const rows = sortRows(clients, sort, sortValue);
  const header = (column: Column, label: string, className?: string) => (
    <SortableHeader column={column} sort={sort} onSort={toggle} className={className}>
      {label}
    </SortableHeader>
  );
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            {header("client", t("colClient"))}
            {header("edition", t("colEdition"))}
            {header("minCount", t("colMinCount"))}
            {header("license", t("colLicense"))}
            {header("vm", t("colVm"))}
            {header("result", t("colLastResult"))}
            {header("lastRequest", t("colLastRequest"))}
            {header("requests", t("colRequests"), styles.num)}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.clientFqdn}>
              <td>
                <ClientName fqdn={c.clientFqdn} clientId={c.clientId} />
                <div className="small">
                  <CmidLink cmid={c.cmid} className={styles.mono} />
                </div>
              </td>
              <td title={c.activationId ?? undefined}>
                {c.edition ?? <span className={`${styles.mono} muted`}>{c.activationId ?? "—"}</span>}
              </td>
              <td>
                <MinCount minCount={c.minCount} />
              </td>
              <td>
                <LicenseStatusBadge status={c.licenseStatus} />
              </td>
              <td>
                <YesNo value={c.isVm} />
              </td>
              <td>
                <HostHresult hresult={c.hresult} meaning={c.hresultMeaning} />
              </td>
              <td>
                <TimeAgo iso={c.lastRequestAt} />
              </td>
              <td className={styles.num}>{c.requests}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function HostClientsTable({ data, onShowAll }: { data: HostClients; onShowAll: () => void }) {
  const t = useTranslations("hostClients");
  if (data.total === 0) {
    return <p className="muted">{t.rich("empty", { code: (c) => <code>{c}</code> })}</p>;
  }
  return (
    <>
      <GroupSummary groups={data.groups} />
      <h3 className={styles.subheading}>{t("list", { total: data.total })}</h3>
      <ClientRows clients={data.clients} />
      {data.clients.length < data.total && (
        <button type="button" onClick={onShowAll} className={styles.more}>
          {t("showAll", { total: data.total })}
        </button>
      )}
    </>
  );
}
