"use client";
// /audit: a forensic verdict per KMS host name (from the ePIDs clients received), worst first, with its signals.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Verdict } from "@/lib/evaluate/rules/forensicTypes";
import { useHostForensicsQuery } from "@/lib/client/useHostForensicsQuery";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { EpidTable } from "./EpidTable";
import { ForensicSignalList } from "./ForensicSignalList";
import { VerdictBadge } from "./VerdictBadge";
import { useLocalizeFinding } from "@/app/_components/useRenderMessage";
import styles from "./forensics.module.css";

const rank: Record<Verdict, number> = { impostor: 0, emulator: 1, suspicious: 2, genuine: 3, "no-evidence": 4 };

export function HostForensicsSection() {
  const query = useHostForensicsQuery();
  const [open, setOpen] = useState<string | null>(null);
  const t = useTranslations("forensics.hosts");
  const localize = useLocalizeFinding();
  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const hosts = [...query.data.hosts].sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.host.localeCompare(b.host));
  return (
    <section className="card" id="forensics">
      <h2>{t("title")}</h2>
      <p className="muted small">{t("intro")}</p>
      {hosts.length === 0 && <p className="muted">{t("none")}</p>}
      {/* A list, not a table: each host's evidence opens below it, and the audit table keeps the only row per host. */}
      <ul className={styles.hosts}>
        {hosts.map((h) => (
          <li key={h.host} data-host={h.host} className={styles.host}>
            <div className={styles.line}>
              <VerdictBadge verdict={h.verdict} />
              <span className={styles.mono}>{h.machineId ? <Link href={`/hosts/${h.machineId}`}>{h.host}</Link> : h.host}</span>
              <span className="muted small">
                {h.machineId ? t("agentOnHost") : t("noAgent")} ·{" "}
                {t("summary", {
                  epids: new Set(h.served.map((s) => s.epid)).size,
                  clients: h.clientsReporting,
                  activated: h.activatedClients,
                })}
              </span>
              {(h.signals.length > 0 || h.served.length > 0) && (
                <button type="button" onClick={() => setOpen(open === h.host ? null : h.host)} aria-expanded={open === h.host}>
                  {h.signals.length === 0
                    ? t("showEpids")
                    : t("signals", { count: h.signals.length, titles: h.signals.map((s) => localize(s).title).join(" · ") })}
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
