"use client";
// Client page: which KMS host ePID this client received, from which name and IP, and whether it matches the host.
import Link from "next/link";
import { useClientEpidsQuery } from "@/lib/client/useClientEpidsQuery";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { VerdictBadge } from "./VerdictBadge";
import styles from "./forensics.module.css";
import { ScrollBox } from "@/app/_components/ScrollBox";

const matchText = {
  match: { badge: "ok", text: "matches the host's own ePID" },
  mismatch: { badge: "critical", text: "differs from the ePID the host reports: another machine answered" },
  unknown: { badge: "", text: "cannot compare: no agent on that host reports its ePID" },
} as const;

export function ClientEpidSection({ clientId }: { clientId: string }) {
  const query = useClientEpidsQuery(clientId);
  return (
    <section className="card" id="epid">
      <h2>KMS host ePID received</h2>
      {query.isPending ? (
        <Loading what="the ePID received" />
      ) : query.isError ? (
        <ErrorMessage error={query.error} what="the ePID received" onRetry={() => void query.refetch()} />
      ) : query.data.received.length === 0 ? (
        <p className="muted">This client has not reported the ePID of a KMS host (it needs a KMS activation and CIM or /dlv data).</p>
      ) : (
        <ScrollBox label="KMS host ePIDs received">
          <table>
            <thead>
              <tr>
                <th>Host name</th>
                <th>ePID received</th>
                <th>Matches the host?</th>
                <th>Host verdict</th>
                <th>IP reached</th>
                <th>First / last seen</th>
              </tr>
            </thead>
            <tbody>
              {query.data.received.map((r) => {
                const m = matchText[r.match];
                return (
                  <tr key={`${r.host}:${r.family}:${r.epid}`} data-match={r.match}>
                    <td className={styles.mono}>{r.hostMachineId ? <Link href={`/hosts/${r.hostMachineId}`}>{r.host}</Link> : r.host}</td>
                    <td className={styles.mono}>
                      {r.epid} <span className="muted small">({r.family})</span>
                    </td>
                    <td>
                      <span className={`badge ${m.badge}`}>{r.match}</span> <span className="small">{m.text}</span>
                      {r.match === "mismatch" && <div className={`${styles.mono} small`}>host: {r.hostEpids.join(", ")}</div>}
                    </td>
                    <td>
                      <VerdictBadge verdict={r.hostVerdict} label={r.hostVerdictLabel} />
                    </td>
                    <td className={styles.mono}>{r.ip ?? <span className="muted">not reported</span>}</td>
                    <td className="small">
                      <TimeAgo iso={r.firstSeenAt} /> / <TimeAgo iso={r.lastSeenAt} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
