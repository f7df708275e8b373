"use client";
// Stored alerts: the finding (why, fix, evidence) with its lifecycle — state, first and last seen, snooze —
// and, for admins, the actions. Resolved alerts stay listable as history.
import Link from "next/link";
import type { AlertView } from "@/lib/evaluate/alerts/view";
import { InlineCode } from "@/app/_components/InlineCode";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { subjectHref } from "@/app/_components/FindingList";
import { AlertActions } from "@/app/_components/alerts/AlertActions";
import styles from "@/app/_components/FindingList.module.css";

const stateClass: Record<AlertView["state"], string> = { open: "critical", acknowledged: "warning", resolved: "ok" };

function AlertItem({ alert, canAct }: { alert: AlertView; canAct: boolean }) {
  const snoozed = alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > Date.now();
  return (
    <li className={`${styles.item} ${styles[alert.severity]}`}>
      <div className={styles.head}>
        <span className={`badge ${alert.severity}`}>{alert.severity}</span>
        <span className={`badge ${stateClass[alert.state]}`}>{alert.state}</span>
        {snoozed && <span className="badge">snoozed</span>}
        <span className={styles.title}>{alert.title}</span>
        <Link href={subjectHref(alert.subject)}>
          {alert.subject.fqdn} <span className="muted small">({alert.subject.kind === "host" ? "KMS host" : "client"})</span>
        </Link>
      </div>
      <div className="muted small">
        first seen <TimeAgo iso={alert.firstSeenAt} />, last seen <TimeAgo iso={alert.lastSeenAt} />
        {alert.resolvedAt && alert.state === "resolved" && (
          <>
            , resolved <TimeAgo iso={alert.resolvedAt} />
          </>
        )}
        {snoozed && (
          <>
            , notifications snoozed until <time dateTime={alert.snoozedUntil!}>{new Date(alert.snoozedUntil!).toLocaleString()}</time>
          </>
        )}
      </div>
      <p className={styles.text}>
        <span className={styles.label}>Why:</span>
        <InlineCode text={alert.cause} />
      </p>
      <p className={styles.text}>
        <span className={styles.label}>Fix:</span>
        <InlineCode text={alert.fix} />
      </p>
      {canAct && <AlertActions alert={alert} />}
      <div className="muted small">rule {alert.ruleId}</div>
    </li>
  );
}

export function AlertList({ alerts, canAct }: { alerts: AlertView[]; canAct: boolean }) {
  return (
    <ul className={styles.list}>
      {alerts.map((alert) => (
        <AlertItem key={alert.id} alert={alert} canAct={canAct} />
      ))}
    </ul>
  );
}
