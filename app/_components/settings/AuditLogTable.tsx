"use client";
// The audit log: who changed what, newest first.
import { useTranslations } from "next-intl";
import type { AuditLogEntry } from "@/lib/access/audit/list";
import styles from "@/app/_components/clients/clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

export function AuditLogTable({ entries }: { entries: AuditLogEntry[] }) {
  const t = useTranslations("admin.auditLog");
  return (
    <DataTable columns={[t("colWhen"), t("colWho"), t("colWhat"), t("colTarget")]}>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <WhenCell className={styles.nowrap} iso={entry.at} show="ago" />
          <td>
            {entry.actorEmail}
            {entry.actorId === null && <span className="muted small"> {t("deletedUser")}</span>}
          </td>
          <td>{entry.summary}</td>
          <td className="muted small">
            {entry.targetKind}
            {entry.targetId && (
              <>
                {" "}
                <code title={entry.targetId}>{entry.targetId.slice(0, 8)}</code>
              </>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
