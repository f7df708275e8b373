"use client";
// Host page: the ePIDs clients received under this host's name (and its short name), beside its own, with the verdict.
import { useHostForensicsQuery } from "@/lib/client/useHostForensicsQuery";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { EpidTable } from "./EpidTable";
import { ForensicSignalList } from "./ForensicSignalList";
import { VerdictBadge } from "./VerdictBadge";
import styles from "./forensics.module.css";

export function EpidsServedSection({ fqdn }: { fqdn: string }) {
  const query = useHostForensicsQuery(fqdn);
  return (
    <section className="card" id="epids">
      <h2>ePIDs served</h2>
      {query.isPending ? (
        <Loading what="the ePIDs served" />
      ) : query.isError ? (
        <ErrorMessage error={query.error} what="the ePIDs served" onRetry={() => void query.refetch()} />
      ) : query.data.hosts.length === 0 ? (
        <p className="muted">No client has reported an ePID from this host yet.</p>
      ) : (
        query.data.hosts.map((h) => (
          <div key={h.host}>
            <p>
              <span className={styles.mono}>{h.host}</span> <VerdictBadge verdict={h.verdict} label={h.verdictLabel} /> · the host reports{" "}
              {h.ownEpids.length === 0 ? (
                <span className="muted">no ePID of its own</span>
              ) : (
                h.ownEpids.map((o) => (
                  <span key={o.epid} className={styles.mono}>
                    {o.epid} ({o.family}){" "}
                  </span>
                ))
              )}
            </p>
            <EpidTable served={h.served} />
            <ForensicSignalList signals={h.signals} />
          </div>
        ))
      )}
    </section>
  );
}
