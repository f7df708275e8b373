// One CMID shared by several machines: who, since when, which hosts saw it, and what it costs the count.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
import type { DuplicateCmidGroup as Group } from "@/lib/read/fleet/getDuplicateCmids";
import styles from "./clients.module.css";

export function DuplicateCmidGroup({ group }: { group: Group }) {
  const t = useTranslations("duplicates.group");
  return (
    <section className="card">
      <h2>
        CMID <span className={styles.mono}>{group.cmid}</span>{" "}
        <span className="badge warning">{t("machines", { count: group.machineCount })}</span>
      </h2>
      <p>{t.rich("countsAsOne", { count: group.machineCount, lost: group.countLost, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <dl className={styles.facts}>
        <dt>{t("machinesLabel")}</dt>
        <dd>
          <ul className={styles.list}>
            {group.machines.map((m) => (
              <li key={m} className={styles.mono}>
                {m}
              </li>
            ))}
          </ul>
          <Link className="small" href={`/clients?q=${encodeURIComponent(group.cmid)}`}>
            {t("open")}
          </Link>
        </dd>
        <dt>{t("hostsSaw")}</dt>
        <dd className={styles.mono}>
          {group.kmsHosts.length > 0 ? group.kmsHosts.join(", ") : <span className="muted">{t("noneRecorded")}</span>}
        </dd>
        <dt>{t("firstSeen")}</dt>
        <dd>
          <DateTime iso={group.firstSeenAt} />
        </dd>
        <dt>{t("lastSeen")}</dt>
        <dd>
          <DateTime iso={group.lastSeenAt} />
        </dd>
      </dl>
    </section>
  );
}
