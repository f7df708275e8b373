"use client";
// The audit log: who changed what, newest first.
import type { AuditLogEntry } from "@/lib/access/audit/list";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "@/app/_components/clients/clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

export function AuditLogTable({ entries }: { entries: AuditLogEntry[] }) {
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Target</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className={styles.nowrap}>
                <TimeAgo iso={entry.at} />
              </td>
              <td>
                {entry.actorEmail}
                {entry.actorId === null && <span className="muted small"> (deleted user)</span>}
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
        </tbody>
      </table>
    </TableScroll>
  );
}
