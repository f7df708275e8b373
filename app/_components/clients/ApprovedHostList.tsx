// The approved list itself, including entries nobody has been seen using.
import type { HostAudit } from "@/lib/read/audit/getHostAudit";
import { unusedApproved } from "@/lib/present/format/approvedHosts";
import { formatDateTime } from "@/lib/present/format/expiry";
import styles from "./clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

type Props = { audit: HostAudit; isAdmin: boolean; busyHost: string | null; onRemove: (entry: string) => void };

export function ApprovedHostList({ audit, isAdmin, busyHost, onRemove }: Props) {
  if (audit.approved.length === 0) {
    return (
      <p className="muted">
        The approved list is empty, so no host can be called rogue yet.{" "}
        {isAdmin ? "Approve your real KMS hosts below or in the table above." : "Ask an administrator to add your real KMS hosts."}
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
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>Host</th>
            <th>Note</th>
            <th>Added</th>
            {isAdmin && <th />}
          </tr>
        </thead>
        <tbody>
          {audit.approved.map((a) => (
            <tr key={a.id}>
              <td className={styles.mono}>
                {a.host}{" "}
                {unused.has(a.host) && (
                  <span className="badge" title="No agent, client or event has mentioned this host">
                    not seen in use
                  </span>
                )}
              </td>
              <td>{a.note ?? <span className="muted">—</span>}</td>
              <td>{formatDateTime(a.createdAt)}</td>
              {isAdmin && (
                <td>
                  <button type="button" className={styles.danger} disabled={busyHost !== null} onClick={() => onRemove(a.host)}>
                    {busyHost === a.host ? "Removing…" : "Remove"}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
