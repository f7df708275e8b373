"use client";
// A KMS host's latest 12290 events (client requests it processed), ten per page, and its 12293 events
// (DNS publishing failed). Client names and CMIDs link to their pages.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { HostHresult } from "@/app/_components/HostHresult";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { useRequestColumns } from "@/app/_components/requestColumns";
import { ColumnTable, type TableColumn } from "@/app/_components/table/ColumnTable";
import type { HostEvents } from "@/lib/read/hosts/getHostEvents";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

const REQUESTS_PER_PAGE = 10;
type Request = HostEvents["requests"][number];

export function HostRequestsTable({ requests }: { requests: HostEvents["requests"] }) {
  const t = useTranslations("hostEvents");
  const pager = useTranslations("pager");
  const [page, setPage] = useState(1);
  const { client, facts } = useRequestColumns<Request>(t("colClient"), t("colResult"));
  const when: TableColumn<Request, "when"> = { key: "when", label: t("colWhen"), cell: (e) => <TimeAgo iso={e.timeCreated} /> };
  if (requests.length === 0) return <p className="muted">{t("noRequests")}</p>;
  const pages = Math.max(1, Math.ceil(requests.length / REQUESTS_PER_PAGE));
  const current = Math.min(page, pages);
  const shown = requests.slice((current - 1) * REQUESTS_PER_PAGE, current * REQUESTS_PER_PAGE);
  return (
    <>
      <ColumnTable columns={[when, client, ...facts]} rows={shown} rowKey={(e) => e.id} />
      {pages > 1 && (
        <div className="pager">
          <button type="button" disabled={current <= 1} onClick={() => setPage(current - 1)}>
            {pager("previous")}
          </button>
          <span>{pager("pageOf", { page: current, pages })}</span>
          <button type="button" disabled={current >= pages} onClick={() => setPage(current + 1)}>
            {pager("next")}
          </button>
          <span className="muted">
            {t("pageOf", {
              from: (current - 1) * REQUESTS_PER_PAGE + 1,
              to: Math.min(current * REQUESTS_PER_PAGE, requests.length),
              total: requests.length,
            })}
          </span>
        </div>
      )}
    </>
  );
}

export function HostDnsFailuresTable({ failures }: { failures: HostEvents["dnsFailures"] }) {
  const t = useTranslations("hostEvents");
  if (failures.length === 0) return <p className="muted">{t("noDns")}</p>;
  return (
    <DataTable columns={[t("colWhen"), t("colDomain"), t("colError")]}>
      {failures.map((e) => (
        <tr key={e.id}>
          <WhenCell iso={e.timeCreated} show="ago" />
          <td>{e.domain ?? <span className="muted">—</span>}</td>
          <td>
            <HostHresult hresult={e.hresult} meaning={e.hresultMeaning} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
