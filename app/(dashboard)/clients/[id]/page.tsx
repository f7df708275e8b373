"use client";
// One client: what is wrong and how to fix it first, then its license facts, CMID history,
// 12288/12289 timeline and the raw /dlv snapshots behind it all.
import Link from "next/link";
import { ClientProducts2026Section } from "@/app/_components/activation2026/ClientProducts2026Section";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("client");
  const label = useTranslations("severityCount");
  const counts = countBySeverity(findings);
  if (findings.length === 0) return <span className="badge ok">{t("healthy")}</span>;
  return (
    <>
      {counts.critical > 0 && <span className="badge critical">{label("critical", { count: counts.critical })}</span>}{" "}
      {counts.warning > 0 && <span className="badge warning">{label("warning", { count: counts.warning })}</span>}{" "}
      {counts.info > 0 && <span className="badge info">{label("info", { count: counts.info })}</span>}
    </>
  );
}

export default function ClientPage() {
  const params = useParams<{ id: string }>();
  const id = typeof params.id === "string" ? params.id : "";
  const query = useClientQuery(id);
  const t = useTranslations("client");

  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) {
    if (query.error instanceof FetchError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <div className="card">
          <h1>{t("notFound")}</h1>
          <p className="muted">{t.rich("notFoundText", { link: (c) => <Link href="/clients">{c}</Link> })}</p>
        </div>
      );
    }
    return <ErrorMessage error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
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
        <Link href="/clients">{t("back")}</Link>
      </p>
      <h1>{machine.fqdn}</h1>
      <SupportBundleLink kind="client" id={machine.id} />
      <p className="muted">
        <Verdict findings={findings} /> · {t("lastCheckIn")} <TimeAgo iso={machine.lastSeenAt} /> · {t("firstSeen")}{" "}
        <TimeAgo iso={machine.firstSeenAt} />
        {machine.role !== "client" && <> · {t("role", { role: machine.role })}</>}
      </p>

      <section className="card">
        <h2>{t("diagnosis")}</h2>
        <FindingList findings={findings} showSubject={false} />
      </section>
      <ClientEpidSection clientId={machine.id} />

      {products.length === 0 ? (
        <section className="card">
          <h2>{t("licenseState")}</h2>
          <p className="muted">{t.rich("noProduct", { code: (c) => <code>{c}</code> })}</p>
        </section>
      ) : (
        windowsFirst(products).map((p) => <ProductSummary key={p.productKey} product={p} fallback={fallback} />)
      )}

      <ClientProducts2026Section clientId={machine.id} />

      <section className="card">
        <h2>{t("requests")}</h2>
        <RequestTimeline timeline={timeline} />
      </section>

      <section className="card">
        <h2>{t("cmidHistory")}</h2>
        <CmidHistory history={cmidHistory} />
      </section>

      <section className="card">
        <h2>{t("snapshotHistory")}</h2>
        <SnapshotHistory snapshots={snapshotHistory} />
      </section>
    </>
  );
}
