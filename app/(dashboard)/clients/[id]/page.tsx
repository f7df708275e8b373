"use client";
// One client: what is wrong and how to fix it first, then its license facts, CMID history,
// 12288/12289 timeline and the raw /dlv snapshots behind it all.
import Link from "next/link";
import { ClientProducts2026Section } from "@/app/_components/activation2026/ClientProducts2026Section";
import { useParams } from "next/navigation";
import { useClientQuery } from "@/lib/client/useClientQuery";
import { FetchError } from "@/lib/client/fetchJson";
import { windowsFirst } from "@/lib/present/format/productFields";
import { countBySeverity } from "@/lib/read/alerts/findingFilters";
import { FindingList } from "@/app/_components/FindingList";
import { TimeAgo } from "@/app/_components/TimeAgo";
import { ErrorMessage, Loading } from "@/app/_components/clients/QueryState";
import { ProductSummary } from "@/app/_components/clients/ProductSummary";
import { CmidHistory } from "@/app/_components/clients/CmidHistory";
import { RequestTimeline } from "@/app/_components/clients/RequestTimeline";
import { SnapshotHistory } from "@/app/_components/clients/SnapshotHistory";
import { SupportBundleLink } from "@/app/_components/export/SupportBundleLink";
import { ClientEpidSection } from "@/app/_components/forensics/ClientEpidSection";

function Verdict({ findings }: { findings: Parameters<typeof countBySeverity>[0] }) {
  const counts = countBySeverity(findings);
  if (findings.length === 0) return <span className="badge ok">healthy – no open finding</span>;
  return (
    <>
      {counts.critical > 0 && <span className="badge critical">{counts.critical} critical</span>}{" "}
      {counts.warning > 0 && <span className="badge warning">{counts.warning} warning</span>}{" "}
      {counts.info > 0 && <span className="badge info">{counts.info} info</span>}
    </>
  );
}

export default function ClientPage() {
  const params = useParams<{ id: string }>();
  const id = typeof params.id === "string" ? params.id : "";
  const query = useClientQuery(id);

  if (query.isPending) return <Loading what="the client" />;
  if (query.isError) {
    if (query.error instanceof FetchError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <div className="card">
          <h1>Client not found</h1>
          <p className="muted">
            No client has this id. It may have been removed; find it again in the <Link href="/clients">clients list</Link>.
          </p>
        </div>
      );
    }
    return <ErrorMessage error={query.error} what="the client" onRetry={() => void query.refetch()} />;
  }
  const { machine, products, cmidHistory, timeline, snapshotHistory, findings } = query.data;
  const lastRequest = timeline.find((p) => p.request?.kmsHost)?.request ?? null;
  const fallback = {
    cmid: cmidHistory.at(-1)?.cmid ?? null,
    kmsHost: lastRequest?.kmsHost ?? null,
    kmsPort: lastRequest?.kmsPort ?? null,
  };

  return (
    <>
      <p className="small">
        <Link href="/clients">‹ Clients</Link>
      </p>
      <h1>{machine.fqdn}</h1>
      <SupportBundleLink kind="client" id={machine.id} />
      <p className="muted">
        <Verdict findings={findings} /> · last check-in <TimeAgo iso={machine.lastSeenAt} /> · first seen{" "}
        <TimeAgo iso={machine.firstSeenAt} />
        {machine.role !== "client" && <> · role {machine.role}</>}
      </p>

      <section className="card">
        <h2>Diagnosis: what is wrong and what to do</h2>
        <FindingList findings={findings} showSubject={false} />
      </section>
      <ClientEpidSection clientId={machine.id} />

      {products.length === 0 ? (
        <section className="card">
          <h2>License state</h2>
          <p className="muted">
            No product reported yet: the agent has not sent <code>slmgr.vbs /dlv</code> or CIM data for this machine.
          </p>
        </section>
      ) : (
        windowsFirst(products).map((p) => <ProductSummary key={p.productKey} product={p} fallback={fallback} />)
      )}

      <ClientProducts2026Section clientId={machine.id} />

      <section className="card">
        <h2>Activation requests (12288 → 12289)</h2>
        <RequestTimeline timeline={timeline} />
      </section>

      <section className="card">
        <h2>CMID history</h2>
        <CmidHistory history={cmidHistory} />
      </section>

      <section className="card">
        <h2>Snapshot history</h2>
        <SnapshotHistory snapshots={snapshotHistory} />
      </section>
    </>
  );
}
