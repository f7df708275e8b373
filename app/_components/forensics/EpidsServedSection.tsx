"use client";
// Host page: the ePIDs clients received under this host's name (and its short name), beside its own, with the verdict.
import { useTranslations } from "next-intl";
import { useHostForensicsQuery } from "@/lib/client/useHostForensicsQuery";
import { QueryBody } from "@/app/_components/clients/QueryState";
import { EpidTable } from "./EpidTable";
import { ForensicSignalList } from "./ForensicSignalList";
import { VerdictBadge } from "./VerdictBadge";
import styles from "./forensics.module.css";

export function EpidsServedSection({ fqdn }: { fqdn: string }) {
  const query = useHostForensicsQuery(fqdn);
  const t = useTranslations("forensics.served");
  return (
    <section className="card" id="epids">
      <h2>{t("title")}</h2>
      <QueryBody query={query} what={t("what")} isEmpty={(data) => data.hosts.length === 0} empty={t("none")}>
        {(data) =>
          data.hosts.map((h) => (
            <div key={h.host}>
              <p>
                <span className={styles.mono}>{h.host}</span> <VerdictBadge verdict={h.verdict} /> · {t("hostReports")}{" "}
                {h.ownEpids.length === 0 ? (
                  <span className="muted">{t("noOwn")}</span>
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
        }
      </QueryBody>
    </section>
  );
}
