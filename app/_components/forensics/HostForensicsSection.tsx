"use client";
// /audit: a forensic verdict per KMS host name (from the ePIDs clients received), worst first, with its signals.
import Link from "next/link";
import { useState } from "react";
import type { Verdict } from "@/lib/evaluate/rules/forensicTypes";
import { useHostForensicsQuery } from "@/lib/client/useHostForensicsQuery";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { EpidTable } from "./EpidTable";
import { ForensicSignalList } from "./ForensicSignalList";
import { VerdictBadge } from "./VerdictBadge";
import styles from "./forensics.module.css";

const rank: Record<Verdict, number> = { impostor: 0, emulator: 1, suspicious: 2, genuine: 3, "no-evidence": 4 };

export function HostForensicsSection() {
  const query = useHostForensicsQuery();
  const [open, setOpen] = useState<string | null>(null);
  if (query.isPending) return <Loading what="the KMS host forensics" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the KMS host forensics" onRetry={() => void query.refetch()} />;
  const hosts = [...query.data.hosts].sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.host.localeCompare(b.host));
  return (
    <section className="card" id="forensics">
      <h2>Host forensics: genuine host, emulator or impostor?</h2>
      <p className="muted small">
        From the KMS host ePID each client received, beside what the host&apos;s own agent reports. Evidence to check, never proof: an
        emulator that copies a genuine host&apos;s ePID gets past every signal here (see README, &quot;Host audit&quot;).
      </p>
      {hosts.length === 0 && <p className="muted">No KMS host name seen yet.</p>}
      {/* A list, not a table: each host's evidence opens below it, and the audit table keeps the only row per host. */}
      <ul className={styles.hosts}>
        {hosts.map((h) => (
          <li key={h.host} data-host={h.host} className={styles.host}>
            <div className={styles.line}>
              <VerdictBadge verdict={h.verdict} label={h.verdictLabel} />
              <span className={styles.mono}>{h.machineId ? <Link href={`/hosts/${h.machineId}`}>{h.host}</Link> : h.host}</span>
              <span className="muted small">
                {h.machineId ? "agent on host" : "no agent"} · {new Set(h.served.map((s) => s.epid)).size} ePID(s) served ·{" "}
                {h.clientsReporting} client(s), {h.activatedClients} activated
              </span>
              {(h.signals.length > 0 || h.served.length > 0) && (
                <button type="button" onClick={() => setOpen(open === h.host ? null : h.host)} aria-expanded={open === h.host}>
                  {h.signals.length === 0 ? "Show ePIDs" : `${h.signals.length} signal(s): ${h.signals.map((s) => s.title).join(" · ")}`}
                </button>
              )}
            </div>
            {open === h.host && (
              <div className={styles.signal}>
                <ForensicSignalList signals={h.signals} />
                <EpidTable served={h.served} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
