"use client";
// Per-host breakdown of the clients served in the last 30 days: summary by activation ID / min count, then each
// client (name and CMID are links; every column sorts, kept in the URL as ?clientSort=).
import { useFormatter, useTranslations } from "next-intl";
import { ClientName, CmidLink } from "@/app/_components/ClientName";
import { HostHresult, MinCount, YesNo } from "@/app/_components/HostHresult";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import { SortableTableHead } from "@/app/_components/table/SortableHeader";
import { useUrlSort } from "@/app/_components/table/useUrlSort";
import { sortRows } from "@/lib/present/table/sort";
import type { HostClients } from "@/lib/read/hosts/getHostClients";
import styles from "./HostClientsTable.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

function GroupSummary({ groups }: { groups: HostClients["groups"] }) {
  const t = useTranslations("hostClients");
  const format = useFormatter();
  return (
    <DataTable
      columns={[
        t("colEditionId"),
        t("colMinCount"),
        { label: t("colClients"), className: styles.num },
        { label: t("colVms"), className: styles.num },
        { label: t("colFailing"), className: styles.num },
      ]}
    >
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
    </DataTable>
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
  return (
    <TableScroll>
      <table>
        <SortableTableHead
          columns={COLUMNS}
          sort={sort}
          onSort={toggle}
          numeric={{ columns: ["requests"], className: styles.num }}
          labels={{
            client: t("colClient"),
            edition: t("colEdition"),
            minCount: t("colMinCount"),
            license: t("colLicense"),
            vm: t("colVm"),
            result: t("colLastResult"),
            lastRequest: t("colLastRequest"),
            requests: t("colRequests"),
          }}
        />
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
              <WhenCell iso={c.lastRequestAt} show="ago" />
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
