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
import { TableScroll } from "@/app/_components/table/TableScroll";
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
      <TableScroll>
        <table className="stackOnPhone">
          <thead>
            <tr>
              {canAct && (
                <th scope="col">
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={() => onToggleGroup(ids)}
                    aria-label={t("selectGroup", { title: text.title })}
                  />
                </th>
              )}
              <th scope="col">{t("colMachine")}</th>
              <th scope="col">{t("colState")}</th>
              <th scope="col">{t("colFirstSeen")}</th>
              <th scope="col">{t("colLastSeen")}</th>
            </tr>
          </thead>
          <tbody>
            {group.alerts.map((alert) => {
              const snoozed = alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > Date.now();
              return (
                <tr key={alert.id}>
                  {canAct && (
                    <td>
                      <input
                        type="checkbox"
                        checked={selected.has(alert.id)}
                        onChange={() => onToggle(alert.id)}
                        aria-label={t("selectOne", { fqdn: alert.subject.fqdn })}
                      />
                    </td>
                  )}
                  <td data-label={t("colMachine")}>
                    <Link href={subjectHref(alert.subject)}>{alert.subject.fqdn}</Link>{" "}
                    <span className="muted small">({alert.subject.kind === "host" ? f("kindHost") : f("kindClient")})</span>
                  </td>
                  <td data-label={t("colState")}>
                    <span className={`badge ${stateClass[alert.state]}`}>{t(stateKey[alert.state])}</span>{" "}
                    {snoozed && alert.snoozedUntil && (
                      <span
                        className="badge"
                        title={format.dateTime(new Date(alert.snoozedUntil), { dateStyle: "medium", timeStyle: "short" })}
                      >
                        {t("snoozed")}
                      </span>
                    )}
                  </td>
                  <td data-label={t("colFirstSeen")}>
                    <TimeAgo iso={alert.firstSeenAt} />
                  </td>
                  <td data-label={t("colLastSeen")}>
                    <TimeAgo iso={alert.lastSeenAt} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
