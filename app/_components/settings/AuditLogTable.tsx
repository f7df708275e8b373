"use client";
// The audit log: who changed what, newest first.
import { useTranslations } from "next-intl";
import type { AuditLogEntry } from "@/lib/access/audit/list";
import { auditMessage } from "@/lib/access/audit/actions";
import styles from "@/app/_components/clients/clients.module.css";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

export function AuditLogTable({ entries }: { entries: AuditLogEntry[] }) {
  const t = useTranslations("admin.auditLog");
  const roleName = useTranslations("roles");
  const role = (value: string) => (value === "admin" || value === "viewer" ? roleName(value) : value);
  // The sentence in the user's language; the server's English summary for an action this dashboard does not know.
  const summary = (entry: AuditLogEntry) => {
    const message = auditMessage(entry.action, entry.details);
    if (message === null) return entry.summary;
    const { values } = message;
    return t(`action.${message.key}`, { ...values, role: role(values.role), from: role(values.from), to: role(values.to) });
  };
  return (
    <DataTable columns={[t("colWhen"), t("colWho"), t("colWhat"), t("colTarget")]}>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <WhenCell className={styles.nowrap} iso={entry.at} show="ago" />
          <td>
            {entry.actorEmail}
            {entry.actorId === null && <span className="muted small"> {t("deletedUser")}</span>}
          </td>
          <td>{summary(entry)}</td>
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
