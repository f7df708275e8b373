"use client";
// The columns a KMS host's client list and its 12290 events share: each row is a client's request, so both show
// the client (name and CMID, links), the minimum count it asked for, its license state, VM or not, and the answer.
import { useTranslations } from "next-intl";
import { ClientName, CmidLink } from "@/app/_components/ClientName";
import { HostHresult, MinCount, YesNo } from "@/app/_components/HostHresult";
import { LicenseStatusBadge } from "@/app/_components/LicenseStatusBadge";
import type { TableColumn } from "@/app/_components/table/ColumnTable";
import type { HostEvents } from "@/lib/read/hosts/getHostEvents";
import styles from "./HostClientsTable.module.css";

type RequestFacts = Pick<
  HostEvents["requests"][number],
  "clientFqdn" | "clientId" | "cmid" | "minCount" | "licenseStatus" | "isVm" | "hresult" | "hresultMeaning"
>;

/** `resultLabel`: the events name the answer "Result", the client list its "Last request result". */
export function useRequestColumns<Row extends RequestFacts>(clientLabel: string, resultLabel: string) {
  const t = useTranslations("hostClients");
  const client: TableColumn<Row, "client"> = {
    key: "client",
    label: clientLabel,
    cell: (row) => (
      <>
        <ClientName fqdn={row.clientFqdn} clientId={row.clientId} />
        <div className="small">
          <CmidLink cmid={row.cmid} className={styles.mono} />
        </div>
      </>
    ),
  };
  const facts: TableColumn<Row, "minCount" | "license" | "vm" | "result">[] = [
    { key: "minCount", label: t("colMinCount"), cell: (row) => <MinCount minCount={row.minCount} /> },
    { key: "license", label: t("colLicense"), cell: (row) => <LicenseStatusBadge status={row.licenseStatus} /> },
    { key: "vm", label: t("colVm"), cell: (row) => <YesNo value={row.isVm} /> },
    { key: "result", label: resultLabel, cell: (row) => <HostHresult hresult={row.hresult} meaning={row.hresultMeaning} /> },
  ];
  return { client, facts };
}
