"use client";
// Stored alerts (diagnosis findings with a lifecycle), most severe first, filterable by state, severity,
// host/client and rule (all kept in the URL so a filtered view can be shared); admins act on them here.
import { Suspense, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useAlertsQuery, type AlertStateFilter, type AlertsFilter } from "@/lib/client/useAlertsQuery";
import { ALERT_LIST_MAX, ALERT_PAGE_SIZE } from "@/lib/evaluate/alerts/types";
import { useMeQuery } from "@/lib/client/useMeQuery";
import { parseKind, parseSeverity } from "@/lib/read/alerts/findingFilters";
import { AlertList } from "@/app/_components/alerts/AlertList";
import { EvaluateNowButton } from "@/app/_components/alerts/EvaluateNowButton";
import { SeverityCounts } from "@/app/_components/clients/SeverityCounts";
import { RuleSummary } from "@/app/_components/clients/RuleSummary";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";

const stateOptions: { value: AlertStateFilter; label: string }[] = [
  { value: "", label: "Open and acknowledged" },
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved (history)" },
  { value: "all", label: "All" },
];
/** How many more "Show more" asks for; past ALERT_LIST_MAX, filters or the CSV export. */
const MORE = 400;
const parseState = (value: string | null): AlertStateFilter => stateOptions.find((o) => o.value === value)?.value ?? "";

function AlertsView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view: AlertsFilter = {
    severity: parseSeverity(params.get("severity")),
    kind: parseKind(params.get("kind")),
    rule: (params.get("rule") ?? "").trim().slice(0, 100),
    state: parseState(params.get("state")),
  };
  const [limit, setLimit] = useState(ALERT_PAGE_SIZE);
  const query = useAlertsQuery(view, limit);
  const isAdmin = useMeQuery().data?.user.role === "admin";

  const navigate = (change: Partial<AlertsFilter>) => {
    setLimit(ALERT_PAGE_SIZE);
    const next = { ...view, ...change };
    const qs = new URLSearchParams();
    if (next.severity) qs.set("severity", next.severity);
    if (next.kind) qs.set("kind", next.kind);
    if (next.rule) qs.set("rule", next.rule);
    if (next.state) qs.set("state", next.state);
    const s = qs.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };

  if (query.isPending) return <Loading what="alerts" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the alerts" onRetry={() => void query.refetch()} />;
  const { alerts, total, inState, severityCounts, rules } = query.data;
  const more = Math.min(MORE, Math.min(total, ALERT_LIST_MAX) - alerts.length);
  const stateFilter = (
    <label>
      State{" "}
      <select value={view.state} onChange={(e) => navigate({ state: parseState(e.target.value), rule: "" })}>
        {stateOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  if (inState === 0 && view.state) {
    return (
      <div className="toolbar">
        {stateFilter}
        <span className="muted">No alert in this state.</span>
      </div>
    );
  }
  if (inState === 0) {
    return (
      <div className="card">
        <span className="badge ok">healthy</span> No open finding: every diagnosis rule passed for every KMS host and client.
        <p className="muted small">If machines are missing, check that their agents still check in (see the overview).</p>
      </div>
    );
  }
  const filtered = Boolean(view.severity || view.kind || view.rule);
  return (
    <>
      <SeverityCounts counts={severityCounts} active={view.severity} onSelect={(severity) => navigate({ severity })} />
      <section className="card">
        <h2>Problems by cause</h2>
        <RuleSummary groups={rules} active={view.rule} onSelect={(rule) => navigate({ rule })} />
      </section>
      <div className="toolbar">
        {stateFilter}
        <label>
          Subject{" "}
          <select value={view.kind} onChange={(e) => navigate({ kind: parseKind(e.target.value) })}>
            <option value="">KMS hosts and clients</option>
            <option value="host">KMS hosts only</option>
            <option value="client">Clients only</option>
          </select>
        </label>
        <span className="muted">
          {total} of {inState} alert(s), KMS hosts first
          {alerts.length < total && `; the first ${alerts.length} are listed: narrow the filters, or export them all`}
        </span>
        {filtered && (
          <a
            href={pathname}
            onClick={(e) => {
              e.preventDefault();
              navigate({ severity: "", kind: "", rule: "", state: "" });
            }}
          >
            Show all
          </a>
        )}
      </div>
      {alerts.length === 0 ? (
        <p className="muted">No finding matches this filter. Choose another severity or subject, or show all.</p>
      ) : (
        <AlertList alerts={alerts} canAct={isAdmin} />
      )}
      {more > 0 && (
        <button type="button" onClick={() => setLimit(alerts.length + more)} disabled={query.isFetching}>
          Show {more} more
        </button>
      )}
    </>
  );
}

export default function AlertsPage() {
  return (
    <>
      <h1>Alerts</h1>
      <p className="muted">
        Every open problem, each with its cause and the fix to apply. KMS host problems usually explain many client problems: fix those
        first. Clients sharing a CMID are listed on <Link href="/alerts/duplicate-cmids">Duplicate CMIDs</Link>. Alerts open and resolve
        themselves as the rules see the condition appear and clear (after each check-in and every 5 minutes); acknowledge one to say someone
        is on it. Where alerts are sent: <Link href="/settings/notifications">notification settings</Link>.
      </p>
      <EvaluateNowButton />
      <ExportCsvLink table="alerts" filterKeys={["state", "severity", "kind", "rule"]} />
      <Suspense fallback={<Loading what="alerts" />}>
        <AlertsView />
      </Suspense>
    </>
  );
}
