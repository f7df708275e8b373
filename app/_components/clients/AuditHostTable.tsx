"use client";
// Every KMS host anyone has seen, approved or not, with where it was seen and who uses it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { HostAudit } from "@/lib/read/audit/getHostAudit";
import { matchingApprovedEntry } from "@/lib/present/format/approvedHosts";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "./clients.module.css";
import { ColumnTable, type TableColumn } from "@/app/_components/table/ColumnTable";

type HostRow = HostAudit["hosts"][number];
type Props = {
  audit: HostAudit;
  isAdmin: boolean;
  busyHost: string | null;
  onApprove: (host: string) => void;
  onRemove: (entry: string) => void;
};

/** The host's own page when an agent runs on it, else the page of what its clients report about it. */
export function auditHostHref(host: { host: string; machineId: string | null }): string {
  return host.machineId ? `/hosts/${host.machineId}` : `/audit/hosts/${encodeURIComponent(host.host)}`;
}

export function AuditHostTable({ audit, isAdmin, busyHost, onApprove, onRemove }: Props) {
  const t = useTranslations("audit");
  const approvedNames = audit.approved.map((a) => a.host);
  const noList = approvedNames.length === 0;
  const columns: TableColumn<HostRow>[] = [
    { key: "host", label: t("colHost"), cell: (h) => <Link href={auditHostHref(h)}>{h.host}</Link>, className: styles.mono },
    {
      key: "approved",
      label: t("colApproved"),
      cell: (h) =>
        h.approved ? (
          <span className="badge ok">{t("approved")}</span>
        ) : noList ? (
          <span className="badge" title={t("notReviewedTitle")}>
            {t("notReviewed")}
          </span>
        ) : (
          <span className="badge critical">{t("notApproved")}</span>
        ),
    },
    {
      key: "seenBy",
      label: t("colSeenBy"),
      cell: (h) => (
        <ul className={styles.list}>
          {h.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ),
    },
    { key: "clients", label: t("colClients"), title: t("colClientsTitle"), cell: (h) => <ClientsUsing host={h} /> },
    {
      key: "served",
      label: t("colServed"),
      title: t("colServedTitle"),
      cell: (h) =>
        h.servedLast30d ?? (
          <span className="muted" title={t("servedUnknownTitle")}>
            {t("servedUnknown")}
          </span>
        ),
    },
    {
      key: "count",
      label: t("colCount"),
      cell: (h) =>
        h.currentCount ?? (
          <span className="muted" title={t("countUnknownTitle")}>
            {t("countUnknown")}
          </span>
        ),
    },
    {
      key: "seen",
      label: t("colSeen"),
      className: "small",
      cell: (h) => (
        <>
          <TimeAgo iso={h.firstSeenAt} /> / <TimeAgo iso={h.lastSeenAt} />
        </>
      ),
    },
  ];
  const actions: TableColumn<HostRow> = {
    key: "actions",
    label: t("colActions"),
    cell: (h) => {
      const entry = matchingApprovedEntry(approvedNames, h.host);
      if (h.approved && entry) {
        return (
          <button type="button" className={styles.danger} disabled={busyHost !== null} onClick={() => onRemove(entry)}>
            {busyHost === entry ? t("removing") : t("remove")}
          </button>
        );
      }
      if (h.approved) return null;
      return (
        <button type="button" disabled={busyHost !== null} onClick={() => onApprove(h.host)}>
          {busyHost === h.host ? t("approving") : t("approve")}
        </button>
      );
    },
  };
  return (
    <ColumnTable className="stackOnPhone" columns={isAdmin ? [...columns, actions] : columns} rows={audit.hosts} rowKey={(h) => h.host} />
  );
}

/** Who uses the host: a link to those clients, and the first few names. */
function ClientsUsing({ host: h }: { host: HostRow }) {
  const t = useTranslations("audit");
  return (
    <>
      {h.clients > 0 ? (
        <Link href={`/clients?kmsHost=${encodeURIComponent(h.host)}`}>{t("clientsUsing", { count: h.clients })}</Link>
      ) : (
        <span className="muted">{t("noClients")}</span>
      )}
      {h.clientSample.length > 0 && (
        <div className="small muted" title={h.clientSample.join("\n")}>
          {h.clientSample.slice(0, 5).join(", ")}
          {h.clients > 5 ? ", …" : ""}
        </div>
      )}
    </>
  );
}
