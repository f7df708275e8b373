// The CMIDs this machine reported over time: a change means it was re-imaged or rearmed.
import type { ClientDetail } from "@/lib/read/clients/getClientDetail";
import { formatDateTime } from "@/lib/present/format/expiry";
import styles from "./clients.module.css";

export function CmidHistory({ history }: { history: ClientDetail["cmidHistory"] }) {
  if (history.length === 0)
    return <p className="muted">No CMID reported yet (it appears once the client has a GVLK and sends /dlv or events).</p>;
  return (
    <>
      {history.length > 1 && (
        <p className="muted small">
          The CMID changed {history.length - 1} time(s): the machine was re-imaged or rearmed (expected after <code>slmgr.vbs /rearm</code>
          ).
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>CMID</th>
            <th>First seen</th>
            <th>Last seen</th>
          </tr>
        </thead>
        <tbody>
          {history.map((c) => (
            <tr key={c.cmid}>
              <td className={styles.mono}>
                <a href={`/clients?q=${encodeURIComponent(c.cmid)}`} title="Find every machine with this CMID">
                  {c.cmid}
                </a>
              </td>
              <td>{formatDateTime(c.firstSeenAt)}</td>
              <td>{formatDateTime(c.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
