// The ePIDs served under one host name: decoded parts, clients, first/last seen, IPs, and whether the host reports it.
import type { HostForensicsEntry } from "@/lib/read/audit/getHostForensics";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "./forensics.module.css";
import { ScrollBox } from "@/app/_components/ScrollBox";

type Served = HostForensicsEntry["served"][number];

function Parts({ decoded }: { decoded: Served["decoded"] }) {
  if (!decoded?.parts) return <span className="badge critical">malformed</span>;
  const p = decoded.parts;
  return (
    <span
      className={styles.parts}
      title="OS type, key group and serial: community knowledge; language and build: Microsoft-documented values"
    >
      {decoded.platformName ?? `OS type ${p.platform}`} · build {p.osBuild} · {decoded.language ?? `LCID ${p.lcid}`} · key {p.keyGroup}/
      {p.serial} · activated {p.activatedOn ?? "?"}
    </span>
  );
}

export function EpidTable({ served }: { served: Served[] }) {
  if (served.length === 0) return <p className="muted">No client has reported the ePID it received from this name yet.</p>;
  return (
    <ScrollBox label="ePIDs served">
      <table>
        <thead>
          <tr>
            <th>Family</th>
            <th>ePID</th>
            <th>Decoded</th>
            <th>Clients</th>
            <th>IPs reached</th>
            <th>First / last seen</th>
            <th>Host reports it</th>
          </tr>
        </thead>
        <tbody>
          {served.map((s) => (
            <tr key={`${s.family}:${s.epid}`}>
              <td>{s.family}</td>
              <td className={styles.mono}>{s.epid}</td>
              <td>
                <Parts decoded={s.decoded} />
                {s.decoded?.problems
                  .filter((p) => p.kind !== "unverified")
                  .map((p) => (
                    <div key={p.message} className="small">
                      <span className="badge warning">{p.part}</span> {p.message}
                    </div>
                  ))}
              </td>
              <td title={s.clientSample.join("\n")}>
                {s.clients} ({s.licensedClients} activated)
              </td>
              <td className={styles.mono}>{s.ips.join(", ") || <span className="muted">not reported</span>}</td>
              <td className="small">
                <TimeAgo iso={s.firstSeenAt} /> / <TimeAgo iso={s.lastSeenAt} />
              </td>
              <td>
                {s.matchesHost === null ? (
                  <span className="muted">no agent ePID</span>
                ) : s.matchesHost ? (
                  <span className="badge ok">yes</span>
                ) : (
                  <span className="badge critical">no</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
