// Every KMS host anyone has seen, approved or not, with where it was seen and who uses it.
import Link from "next/link";
import type { HostAudit } from "@/lib/read/audit/getHostAudit";
import { matchingApprovedEntry } from "@/lib/present/format/approvedHosts";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "./clients.module.css";

type Props = {
  audit: HostAudit;
  isAdmin: boolean;
  busyHost: string | null;
  onApprove: (host: string) => void;
  onRemove: (entry: string) => void;
};

export function AuditHostTable({ audit, isAdmin, busyHost, onApprove, onRemove }: Props) {
  const approvedNames = audit.approved.map((a) => a.host);
  const noList = approvedNames.length === 0;
  return (
    <div className={styles.scroll}>
      <table>
        <thead>
          <tr>
            <th>KMS host</th>
            <th>Approved</th>
            <th>Seen by</th>
            <th title="Machines whose own /dlv or 12288 names this host, ever (known for any host, rogue ones too)">
              Clients reporting it
            </th>
            <th title="Clients in this host's own 12290 log in the last 30 days: the number on the host's page">Served (30 days)</th>
            <th>Current count</th>
            <th>First / last seen</th>
            {isAdmin && <th />}
          </tr>
        </thead>
        <tbody>
          {audit.hosts.map((h) => {
            const entry = matchingApprovedEntry(approvedNames, h.host);
            return (
              <tr key={h.host}>
                <td className={`${styles.mono} ${styles.nowrap}`}>{h.host}</td>
                <td>
                  {h.approved ? (
                    <span className="badge ok">approved</span>
                  ) : noList ? (
                    <span className="badge" title="The approved list is empty: approve your real hosts">
                      not reviewed
                    </span>
                  ) : (
                    <span className="badge critical">NOT approved</span>
                  )}
                </td>
                <td>
                  <ul className={styles.list}>
                    {h.sources.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  {h.clients > 0 ? (
                    <Link href={`/clients?kmsHost=${encodeURIComponent(h.host)}`}>{h.clients} client(s)</Link>
                  ) : (
                    <span className="muted">none</span>
                  )}
                  {h.clientSample.length > 0 && (
                    <div className="small muted" title={h.clientSample.join("\n")}>
                      {h.clientSample.slice(0, 5).join(", ")}
                      {h.clients > 5 ? ", …" : ""}
                    </div>
                  )}
                </td>
                <td>
                  {h.servedLast30d ?? (
                    <span className="muted" title="no agent on this host: its own log is unknown">
                      unknown
                    </span>
                  )}
                </td>
                <td>
                  {h.currentCount ?? (
                    <span className="muted" title="no agent on this host reports its count">
                      unknown
                    </span>
                  )}
                </td>
                <td className="small">
                  <TimeAgo iso={h.firstSeenAt} /> / <TimeAgo iso={h.lastSeenAt} />
                </td>
                {isAdmin && (
                  <td>
                    {h.approved && entry ? (
                      <button type="button" className={styles.danger} disabled={busyHost !== null} onClick={() => onRemove(entry)}>
                        {busyHost === entry ? "Removing…" : "Remove approval"}
                      </button>
                    ) : !h.approved ? (
                      <button type="button" disabled={busyHost !== null} onClick={() => onApprove(h.host)}>
                        {busyHost === h.host ? "Approving…" : "Approve"}
                      </button>
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
