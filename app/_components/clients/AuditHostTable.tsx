"use client";
// Every KMS host anyone has seen, approved or not, with where it was seen and who uses it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { HostAudit } from "@/lib/read/audit/getHostAudit";
import { matchingApprovedEntry } from "@/lib/present/format/approvedHosts";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "./clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

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
  return (
    <TableScroll>
      <table className="stackOnPhone">
        <thead>
          <tr>
            <th scope="col">{t("colHost")}</th>
            <th scope="col">{t("colApproved")}</th>
            <th scope="col">{t("colSeenBy")}</th>
            <th scope="col" title={t("colClientsTitle")}>
              {t("colClients")}
            </th>
            <th scope="col" title={t("colServedTitle")}>
              {t("colServed")}
            </th>
            <th scope="col">{t("colCount")}</th>
            <th scope="col">{t("colSeen")}</th>
            {isAdmin && <th scope="col">{t("colActions")}</th>}
          </tr>
        </thead>
        <tbody>
          {audit.hosts.map((h) => {
            const entry = matchingApprovedEntry(approvedNames, h.host);
            return (
              <tr key={h.host}>
                <td data-label={t("colHost")} className={styles.mono}>
                  <Link href={auditHostHref(h)}>{h.host}</Link>
                </td>
                <td data-label={t("colApproved")}>
                  {h.approved ? (
                    <span className="badge ok">{t("approved")}</span>
                  ) : noList ? (
                    <span className="badge" title={t("notReviewedTitle")}>
                      {t("notReviewed")}
                    </span>
                  ) : (
                    <span className="badge critical">{t("notApproved")}</span>
                  )}
                </td>
                <td data-label={t("colSeenBy")}>
                  <ul className={styles.list}>
                    {h.sources.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </td>
                <td data-label={t("colClients")}>
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
                </td>
                <td data-label={t("colServed")}>
                  {h.servedLast30d ?? (
                    <span className="muted" title={t("servedUnknownTitle")}>
                      {t("servedUnknown")}
                    </span>
                  )}
                </td>
                <td data-label={t("colCount")}>
                  {h.currentCount ?? (
                    <span className="muted" title={t("countUnknownTitle")}>
                      {t("countUnknown")}
                    </span>
                  )}
                </td>
                <td data-label={t("colSeen")} className="small">
                  <TimeAgo iso={h.firstSeenAt} /> / <TimeAgo iso={h.lastSeenAt} />
                </td>
                {isAdmin && (
                  <td data-label={t("colActions")}>
                    {h.approved && entry ? (
                      <button type="button" className={styles.danger} disabled={busyHost !== null} onClick={() => onRemove(entry)}>
                        {busyHost === entry ? t("removing") : t("remove")}
                      </button>
                    ) : !h.approved ? (
                      <button type="button" disabled={busyHost !== null} onClick={() => onApprove(h.host)}>
                        {busyHost === h.host ? t("approving") : t("approve")}
                      </button>
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
