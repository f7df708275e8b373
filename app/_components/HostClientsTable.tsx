"use client";
// Per-host breakdown of the clients served in the last 30 days: summary by activation ID / min count, then each
// client (name and CMID are links; every column sorts, kept in the URL as ?clientSort=).
import { useFormatter, useTranslations } from "next-intl";
import { MinCount } from "@/app/_components/HostHresult";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useRequestColumns } from "@/app/_components/requestColumns";
import { ColumnTable, type TableColumn } from "@/app/_components/table/ColumnTable";
import { useUrlSort } from "@/app/_components/table/useUrlSort";
import { sortRows } from "@/lib/present/table/sort";
import type { HostClients } from "@/lib/read/hosts/getHostClients";
import styles from "./HostClientsTable.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

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
  const { client, facts } = useRequestColumns<ClientRow>(t("colClient"), t("colLastResult"));
  const columns: TableColumn<ClientRow, Column>[] = [
    client,
    {
      key: "edition",
      label: t("colEdition"),
      cell: (c) => (
        <span title={c.activationId ?? undefined}>
          {c.edition ?? <span className={`${styles.mono} muted`}>{c.activationId ?? "—"}</span>}
        </span>
      ),
    },
    ...facts,
    { key: "lastRequest", label: t("colLastRequest"), cell: (c) => <TimeAgo iso={c.lastRequestAt} /> },
    { key: "requests", label: t("colRequests"), cell: (c) => c.requests, className: styles.num, headClassName: styles.num },
  ];
  return (
    <ColumnTable
      columns={columns}
      rows={sortRows(clients, sort, sortValue)}
      rowKey={(c) => c.clientFqdn}
      sort={{ state: sort, onSort: toggle }}
    />
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
