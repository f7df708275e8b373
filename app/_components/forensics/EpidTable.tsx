"use client";
// The ePIDs served under one host name: decoded parts, clients, first/last seen, IPs, and whether the host reports it.
// The problems found in an ePID (lib/kms/epid) stay data, in English.
import { useTranslations } from "next-intl";
import type { HostForensicsEntry } from "@/lib/read/audit/getHostForensics";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "./forensics.module.css";
import { DataTable } from "@/app/_components/table/DataTable";

type Served = HostForensicsEntry["served"][number];

function Parts({ decoded }: { decoded: Served["decoded"] }) {
  const t = useTranslations("forensics.epids");
  if (!decoded?.parts) return <span className="badge critical">{t("malformed")}</span>;
  const p = decoded.parts;
  return (
    <span className={styles.parts} title={t("partsTitle")}>
      {decoded.platformName ?? t("osType", { platform: p.platform })} · {t("build", { build: p.osBuild })} ·{" "}
      {decoded.language ?? `LCID ${p.lcid}`} · {t("key", { group: p.keyGroup, serial: p.serial })} ·{" "}
      {t("activatedOn", { date: p.activatedOn ?? "?" })}
    </span>
  );
}

export function EpidTable({ served }: { served: Served[] }) {
  const t = useTranslations("forensics.epids");
  const problem = useTranslations("forensics.problem");
  if (served.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <DataTable
      columns={[t("colFamily"), t("colEpid"), t("colDecoded"), t("colClients"), t("colIps"), t("colSeen"), t("colHostReports")]}
      label={t("label")}
    >
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
                  <span className="badge warning">{p.part}</span> {problem(p.text.key, p.text.values)}
                </div>
              ))}
          </td>
          <td title={s.clientSample.join("\n")}>{t("clients", { clients: s.clients, activated: s.licensedClients })}</td>
          <td className={styles.mono}>{s.ips.join(", ") || <span className="muted">{t("notReported")}</span>}</td>
          <td className="small">
            <TimeAgo iso={s.firstSeenAt} /> / <TimeAgo iso={s.lastSeenAt} />
          </td>
          <td>
            {s.matchesHost === null ? (
              <span className="muted">{t("noAgentEpid")}</span>
            ) : s.matchesHost ? (
              <span className="badge ok">{t("yes")}</span>
            ) : (
              <span className="badge critical">{t("no")}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
