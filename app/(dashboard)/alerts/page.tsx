"use client";
// Stored alerts grouped by cause: one card per rule with its machines as a table, the cause and fix written
// once. Filters (state, severity, subject kind, rule, machine or site name) live in the URL so a view can be
// shared; admins select machines and acknowledge, snooze or resolve them in one go.
import { Suspense, useState, type FormEvent } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAlertsQuery, type AlertStateFilter, type AlertsFilter } from "@/lib/client/useAlertsQuery";
import { ALERT_LIST_MAX, ALERT_PAGE_SIZE } from "@/lib/evaluate/alerts/types";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { parseKind, parseSeverity } from "@/lib/read/alerts/findingFilters";
import { groupAlertsByRule, toggleGroupSelection } from "@/lib/present/alerts/groupAlerts";
import { AlertGroupCard } from "@/app/_components/alerts/AlertGroupCard";
import { BulkActionBar } from "@/app/_components/alerts/BulkActionBar";
import { EvaluateNowButton } from "@/app/_components/alerts/EvaluateNowButton";
import { SeverityCounts } from "@/app/_components/clients/SeverityCounts";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";
import { PageShell } from "@/app/_components/PageShell";

const STATES = [
  { value: "", key: "stateDefault" },
  { value: "open", key: "stateOpen" },
  { value: "acknowledged", key: "stateAcknowledged" },
  { value: "resolved", key: "stateResolved" },
  { value: "all", key: "stateAll" },
] as const;
/** How many more "Show more" asks for; past ALERT_LIST_MAX, filters or the CSV export. */
const MORE = 400;
const parseState = (value: string | null): AlertStateFilter => STATES.find((o) => o.value === value)?.value ?? "";

function NameFilter({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const t = useTranslations("alerts");
  const [text, setText] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(text.trim());
  };
  return (
    <form onSubmit={submit} role="search" className="inlineForm">
      <input
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t("hostFilter")}
        placeholder={t("hostFilterPlaceholder")}
      />
      <button type="submit">{t("filter")}</button>
    </form>
  );
}

function AlertsView() {
  const t = useTranslations("alerts");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view: AlertsFilter = {
    severity: parseSeverity(params.get("severity")),
    kind: parseKind(params.get("kind")),
    rule: (params.get("rule") ?? "").trim().slice(0, 100),
    state: parseState(params.get("state")),
    q: (params.get("q") ?? "").trim().slice(0, 255),
  };
  const [limit, setLimit] = useState(ALERT_PAGE_SIZE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const query = useAlertsQuery(view, limit);
  const isAdmin = useMeQuery().data?.user.role === "admin";

  const navigate = (change: Partial<AlertsFilter>) => {
    setLimit(ALERT_PAGE_SIZE);
    setSelected(new Set());
    const next = { ...view, ...change };
    const qs = new URLSearchParams();
    for (const key of ["severity", "kind", "rule", "state", "q"] as const) if (next[key]) qs.set(key, next[key]);
    const s = qs.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };

  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const { alerts, total, inState, severityCounts, rules } = query.data;
  const more = Math.min(MORE, Math.min(total, ALERT_LIST_MAX) - alerts.length);
  const filters = (
    <div className="toolbar">
      <label>
        {t("stateLabel")}{" "}
        <select value={view.state} onChange={(e) => navigate({ state: parseState(e.target.value), rule: "" })}>
          {STATES.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.key)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("subjectLabel")}{" "}
        <select value={view.kind} onChange={(e) => navigate({ kind: parseKind(e.target.value) })}>
          <option value="">{t("subjectAll")}</option>
          <option value="host">{t("subjectHosts")}</option>
          <option value="client">{t("subjectClients")}</option>
        </select>
      </label>
      <NameFilter key={view.q} value={view.q} onChange={(q) => navigate({ q })} />
    </div>
  );
  // No alert in these states: healthy only when no filter narrowed the view.
  if (inState === 0) {
    if (view.state || view.q) {
      return (
        <>
          {filters}
          <p className="muted">{view.q ? t("noneForName", { q: view.q }) : t("noneInState")}</p>
        </>
      );
    }
    return (
      <div className="card">
        <span className="badge ok">{t("healthy")}</span> {t("healthyText")}
        <p className="muted small">{t("healthyHint")}</p>
      </div>
    );
  }
  const filtered = Boolean(view.severity || view.kind || view.rule || view.q);
  const groups = groupAlertsByRule(alerts);
  const ruleTotal = (ruleId: string) => {
    const group = rules.find((r) => r.ruleId === ruleId);
    if (!group) return 0;
    return view.kind === "host" ? group.hosts : view.kind === "client" ? group.clients : group.hosts + group.clients;
  };
  return (
    <>
      <SeverityCounts counts={severityCounts} active={view.severity} onSelect={(severity) => navigate({ severity })} />
      {filters}
      <p className="muted">
        {t("summary", { total, inState })}
        {alerts.length < total && t("summaryMore", { listed: alerts.length })}{" "}
        {filtered && (
          <a
            href={pathname}
            onClick={(e) => {
              e.preventDefault();
              navigate({ severity: "", kind: "", rule: "", state: "", q: "" });
            }}
          >
            {t("showAll")}
          </a>
        )}
      </p>
      {isAdmin && <BulkActionBar selected={selected} onDone={() => setSelected(new Set())} />}
      {alerts.length === 0 ? (
        <p className="muted">{t("noMatch")}</p>
      ) : (
        groups.map((group, index) => (
          <AlertGroupCard
            key={group.ruleId}
            group={group}
            total={ruleTotal(group.ruleId) || group.alerts.length}
            textOpen={index === 0}
            canAct={isAdmin}
            selected={selected}
            onToggle={(id) => setSelected((s) => toggleGroupSelection(s, [id]))}
            onToggleGroup={(ids) => setSelected((s) => toggleGroupSelection(s, ids))}
            onOnlyThis={() => navigate({ rule: view.rule === group.ruleId ? "" : group.ruleId })}
            onlyThis={view.rule === group.ruleId}
          />
        ))
      )}
      {more > 0 && (
        <button type="button" onClick={() => setLimit(alerts.length + more)} disabled={query.isFetching}>
          {t("showMore", { count: more })}
        </button>
      )}
    </>
  );
}

export default function AlertsPage() {
  const t = useTranslations("alerts");
  return (
    <PageShell
      title={t("title")}
      intro={t.rich("intro", {
        dup: (c) => <Link href="/alerts/duplicate-cmids">{c}</Link>,
        notif: (c) => <Link href="/settings/notifications">{c}</Link>,
      })}
    >
      <EvaluateNowButton />
      <ExportCsvLink table="alerts" filterKeys={["state", "severity", "kind", "rule", "q"]} />
      <Suspense fallback={<Loading what={t("what")} />}>
        <AlertsView />
      </Suspense>
    </PageShell>
  );
}
