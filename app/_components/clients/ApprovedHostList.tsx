// The approved list itself, including entries nobody has been seen using.
import { useTranslations } from "next-intl";
import type { HostAudit } from "@/lib/read/audit/getHostAudit";
import { unusedApproved } from "@/lib/present/format/approvedHosts";
import styles from "./clients.module.css";
import { RowButton } from "@/app/_components/table/RowButton";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

type Props = { audit: HostAudit; isAdmin: boolean; busyHost: string | null; onRemove: (entry: string) => void };

export function ApprovedHostList({ audit, isAdmin, busyHost, onRemove }: Props) {
  const t = useTranslations("audit.approvedList");
  if (audit.approved.length === 0) {
    return (
      <p className="muted">
        {t("empty")} {isAdmin ? t("emptyAdmin") : t("emptyViewer")}
      </p>
    );
  }
  const unused = new Set(
    unusedApproved(
      audit.approved.map((a) => a.host),
      audit.hosts.map((h) => h.host),
    ),
  );
  return (
    <DataTable columns={[t("colHost"), t("colNote"), t("colAdded"), ...(isAdmin ? [""] : [])]}>
      {audit.approved.map((a) => (
        <tr key={a.id}>
          <td className={styles.mono}>
            {a.host}{" "}
            {unused.has(a.host) && (
              <span className="badge" title={t("notSeenTitle")}>
                {t("notSeen")}
              </span>
            )}
          </td>
          <td>{a.note ?? <span className="muted">—</span>}</td>
          <WhenCell iso={a.createdAt} show="date" />
          {isAdmin && (
            <td>
              <RowButton
                tone="danger"
                disabled={busyHost !== null}
                onClick={() => onRemove(a.host)}
                busyLabel={busyHost === a.host && t("removing")}
              >
                {t("remove")}
              </RowButton>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
