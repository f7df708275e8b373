"use client";
// KMS hosts: one row per host with its worst finding, license state, count, port, DNS publishing, version and activity.
import { useTranslations } from "next-intl";
import { HostsTable } from "@/app/_components/HostsTable";
import { LoadState } from "@/app/_components/HostsLoadState";
import { COUNT_THRESHOLDS } from "@/lib/present/charts/prepareHostTrend";
import { useHostsQuery } from "@/lib/client/useHostsQuery";
import { ExportCsvLink } from "@/app/_components/export/ExportCsvLink";

export default function HostsPage() {
  const t = useTranslations("hosts");
  const { data, isPending, error } = useHostsQuery();
  return (
    <>
      <h1>{t("title")}</h1>
      <ExportCsvLink table="hosts" />
      <LoadState isPending={isPending} error={error} what={t("what")} />
      {data && data.hosts.length === 0 && (
        <div className="card">
          <p>{t("empty")}</p>
          <p className="muted">{t.rich("emptyHint", { code: (c) => <code>{c}</code> })}</p>
        </div>
      )}
      {data && data.hosts.length > 0 && (
        <div className="card">
          <p className="muted small">
            {t("legend", { clientOs: COUNT_THRESHOLDS.clientOs, serverOs: COUNT_THRESHOLDS.serverOs, cap: COUNT_THRESHOLDS.cap })}
          </p>
          <HostsTable hosts={data.hosts} />
        </div>
      )}
    </>
  );
}
