"use client";
// One cause of alerts: severity, title, how many machines, the cause and fix written once (folded after the
// first card), and the machines as a table whose rows an admin can select for a bulk action.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AlertView } from "@/lib/evaluate/alerts/view";
import type { AlertGroup } from "@/lib/present/alerts/groupAlerts";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { subjectHref, WhyAndFix } from "@/app/_components/FindingList";
import styles from "@/app/_components/FindingList.module.css";
import { ColumnTable, type TableColumn } from "@/app/_components/table/ColumnTable";
import { useLocalizeFinding } from "@/app/_components/useRenderMessage";

const stateClass: Record<AlertView["state"], string> = { open: "critical", acknowledged: "warning", resolved: "ok" };
const stateKey = { open: "stateBadgeOpen", acknowledged: "stateBadgeAcknowledged", resolved: "stateBadgeResolved" } as const;

type Props = {
  group: AlertGroup<AlertView>;
  /** Alerts of this rule in the whole filtered list (the page lists the first ones). */
  total: number;
  textOpen: boolean;
  canAct: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleGroup: (ids: string[]) => void;
  onOnlyThis: () => void;
  /** The list is filtered to this cause already: the button shows every cause again. */
  onlyThis: boolean;
};

export function AlertGroupCard({ group, total, textOpen, canAct, selected, onToggle, onToggleGroup, onOnlyThis, onlyThis }: Props) {
  const t = useTranslations("alerts");
  const f = useTranslations("findings");
  const severity = useTranslations("severity");
  const format = useFormatter();
  const text = useLocalizeFinding()(group);
  const ids = group.alerts.map((a) => a.id);
  const allSelected = ids.every((id) => selected.has(id));
  const known = group.severity === "critical" || group.severity === "warning" || group.severity === "info";
  // The checkbox names its machine for screen readers; the column has no label of its own.
  const select: TableColumn<AlertView> = {
    key: "select",
    label: "",
    head: (
      <input
        type="checkbox"
        checked={allSelected}
        onChange={() => onToggleGroup(ids)}
        aria-label={t("selectGroup", { title: text.title })}
      />
    ),
    cell: (alert) => (
      <input
        type="checkbox"
        checked={selected.has(alert.id)}
        onChange={() => onToggle(alert.id)}
        aria-label={t("selectOne", { fqdn: alert.subject.fqdn })}
      />
    ),
  };
  const columns: TableColumn<AlertView>[] = [
    {
      key: "machine",
      label: t("colMachine"),
      cell: (alert) => (
        <>
          <Link href={subjectHref(alert.subject)}>{alert.subject.fqdn}</Link>{" "}
          <span className="muted small">({alert.subject.kind === "host" ? f("kindHost") : f("kindClient")})</span>
        </>
      ),
    },
    {
      key: "state",
      label: t("colState"),
      cell: (alert) => (
        <>
          <span className={`badge ${stateClass[alert.state]}`}>{t(stateKey[alert.state])}</span>{" "}
          {alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > Date.now() && (
            <span className="badge" title={format.dateTime(new Date(alert.snoozedUntil), { dateStyle: "medium", timeStyle: "short" })}>
              {t("snoozed")}
            </span>
          )}
        </>
      ),
    },
    { key: "firstSeen", label: t("colFirstSeen"), cell: (alert) => <TimeAgo iso={alert.firstSeenAt} /> },
    { key: "lastSeen", label: t("colLastSeen"), cell: (alert) => <TimeAgo iso={alert.lastSeenAt} /> },
  ];
  return (
    <section className={`card ${styles[group.severity] ?? ""}`} aria-label={text.title}>
      <div className="groupHead">
        <span className={`badge ${group.severity}`}>{known ? severity(group.severity as "critical") : group.severity}</span>
        <h2 className="groupTitle">{text.title}</h2>
        <span className="muted">{t("groupCount", { listed: group.alerts.length, total })}</span>
        <button type="button" className="secondary small" onClick={onOnlyThis}>
          {onlyThis ? t("allCauses") : t("onlyThisCause")}
        </button>
      </div>
      <details className="groupText" open={textOpen}>
        <summary>{group.sameText ? t("whyAndFix") : t("whyAndFixFor", { fqdn: group.example })}</summary>
        <WhyAndFix cause={text.cause} fix={text.fix} />
        <div className="muted small">{f("rule", { id: group.ruleId })}</div>
      </details>
      <ColumnTable
        className="stackOnPhone"
        columns={canAct ? [select, ...columns] : columns}
        rows={group.alerts}
        rowKey={(alert) => alert.id}
      />
    </section>
  );
}
