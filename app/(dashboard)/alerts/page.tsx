"use client";
// Every open finding of the diagnosis rules, most severe first, filterable by severity and by host/client.
import { Suspense } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useAlertsQuery } from "@/lib/hooks/useAlertsQuery";
import { countBySeverity, filterFindings, parseKind, parseSeverity, sortBySeverity, type KindFilter, type SeverityFilter } from "@/lib/format/findingFilters";
import { FindingList } from "@/app/_components/FindingList";
import { SeverityCounts } from "@/app/_components/clients/SeverityCounts";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";

function AlertsView() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const severity = parseSeverity(params.get("severity"));
  const kind = parseKind(params.get("kind"));
  const query = useAlertsQuery();

  const navigate = (next: { severity: SeverityFilter; kind: KindFilter }) => {
    const qs = new URLSearchParams();
    if (next.severity) qs.set("severity", next.severity);
    if (next.kind) qs.set("kind", next.kind);
    const s = qs.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };

  if (query.isPending) return <Loading what="alerts" />;
  if (query.isError) return <ErrorMessage error={query.error} what="the alerts" onRetry={() => void query.refetch()} />;
  const all = query.data.alerts;
  if (all.length === 0) {
    return (
      <div className="card">
        <span className="badge ok">healthy</span> No open finding: every diagnosis rule passed for every KMS host and client.
        <p className="muted small">If machines are missing, check that their agents still check in (see the overview).</p>
      </div>
    );
  }
  const shown = sortBySeverity(filterFindings(all, severity, kind));
  return (
    <>
      <SeverityCounts counts={countBySeverity(filterFindings(all, "", kind))} active={severity} onSelect={(s) => navigate({ severity: s, kind })} />
      <div className="toolbar">
        <label>
          Subject{" "}
          <select value={kind} onChange={(e) => navigate({ severity, kind: parseKind(e.target.value) })}>
            <option value="">KMS hosts and clients</option>
            <option value="host">KMS hosts only</option>
            <option value="client">Clients only</option>
          </select>
        </label>
        <span className="muted">
          {shown.length} of {all.length} finding(s)
        </span>
        {(severity || kind) && (
          <a href={pathname} onClick={(e) => { e.preventDefault(); navigate({ severity: "", kind: "" }); }}>Show all</a>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted">No {severity || ""} finding for {kind === "host" ? "KMS hosts" : kind === "client" ? "clients" : "this filter"}. Choose another severity or show all.</p>
      ) : (
        <FindingList findings={shown} showSubject />
      )}
    </>
  );
}

export default function AlertsPage() {
  return (
    <>
      <h1>Alerts</h1>
      <p className="muted">
        Every open problem, each with its cause and the fix to apply. Host problems usually explain many client problems:
        fix those first. Clients sharing a CMID are listed on <Link href="/alerts/duplicate-cmids">Duplicate CMIDs</Link>.
      </p>
      <Suspense fallback={<Loading what="alerts" />}>
        <AlertsView />
      </Suspense>
    </>
  );
}
