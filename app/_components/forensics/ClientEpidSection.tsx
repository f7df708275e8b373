"use client";
// Client page: which KMS host ePID this client received, from which name and IP, and whether it matches the host.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useClientEpidsQuery } from "@/lib/client/useClientEpidsQuery";
import { QueryBody } from "@/app/_components/clients/QueryState";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { VerdictBadge } from "./VerdictBadge";
import styles from "./forensics.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

const matchBadge = { match: "ok", mismatch: "critical", unknown: "" } as const;

export function ClientEpidSection({ clientId }: { clientId: string }) {
  const query = useClientEpidsQuery(clientId);
  const t = useTranslations("forensics.received");
  return (
    <section className="card" id="epid">
      <h2>{t("title")}</h2>
      <QueryBody query={query} what={t("what")} isEmpty={(data) => data.received.length === 0} empty={t("none")}>
        {(data) => (
          <DataTable columns={[t("colHost"), t("colEpid"), t("colMatches"), t("colVerdict"), t("colIp"), t("colSeen")]} label={t("label")}>
            {data.received.map((r) => {
              return (
                <tr key={`${r.host}:${r.family}:${r.epid}`} data-match={r.match}>
                  <td className={styles.mono}>{r.hostMachineId ? <Link href={`/hosts/${r.hostMachineId}`}>{r.host}</Link> : r.host}</td>
                  <td className={styles.mono}>
                    {r.epid} <span className="muted small">({r.family})</span>
                  </td>
                  <td>
                    <span className={`badge ${matchBadge[r.match]}`}>{t(`match.${r.match}`)}</span>{" "}
                    <span className="small">{t(`matchText.${r.match}`)}</span>
                    {r.match === "mismatch" && (
                      <div className={`${styles.mono} small`}>{t("hostEpids", { epids: r.hostEpids.join(", ") })}</div>
                    )}
                  </td>
                  <td>
                    <VerdictBadge verdict={r.hostVerdict} />
                  </td>
                  <td className={styles.mono}>{r.ip ?? <span className="muted">{t("notReported")}</span>}</td>
                  <td className="small">
                    <TimeAgo iso={r.firstSeenAt} /> / <TimeAgo iso={r.lastSeenAt} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </QueryBody>
    </section>
  );
}
