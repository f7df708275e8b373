// One CMID shared by several machines: who, since when, which hosts saw it, and what it costs the count.
import Link from "next/link";
import type { DuplicateCmidGroup as Group } from "@/lib/read/fleet/getDuplicateCmids";
import { formatDateTime } from "@/lib/present/format/expiry";
import styles from "./clients.module.css";

export function DuplicateCmidGroup({ group }: { group: Group }) {
  return (
    <section className="card">
      <h2>
        CMID <span className={styles.mono}>{group.cmid}</span> <span className="badge warning">{group.machineCount} machines</span>
      </h2>
      <p>
        <strong>The KMS host counts these {group.machineCount} machines as 1</strong> – its count is {group.countLost} lower than it should
        be.
      </p>
      <dl className={styles.facts}>
        <dt>Machines</dt>
        <dd>
          <ul className={styles.list}>
            {group.machines.map((m) => (
              <li key={m} className={styles.mono}>
                {m}
              </li>
            ))}
          </ul>
          <Link className="small" href={`/clients?q=${encodeURIComponent(group.cmid)}`}>
            Open these clients ›
          </Link>
        </dd>
        <dt>KMS hosts that saw it</dt>
        <dd className={styles.mono}>
          {group.kmsHosts.length > 0 ? group.kmsHosts.join(", ") : <span className="muted">none recorded</span>}
        </dd>
        <dt>First seen</dt>
        <dd>{formatDateTime(group.firstSeenAt)}</dd>
        <dt>Last seen</dt>
        <dd>{formatDateTime(group.lastSeenAt)}</dd>
      </dl>
    </section>
  );
}
