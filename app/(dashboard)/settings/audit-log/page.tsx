"use client";
import { useTranslations } from "next-intl";
// Audit log (admins): every change made through the dashboard, newest first, 50 a page.
import { useState } from "react";
import { useAuditLogQuery } from "@/lib/client/useAuditLogQuery";
import { AuditLogTable } from "@/app/_components/settings/AuditLogTable";
import { AdminQueryError } from "@/app/_components/settings/AdminQueryState";
import { Loading } from "@/app/_components/clients/QueryState";
import { Pagination } from "@/app/_components/clients/Pagination";
import { PageShell } from "@/app/_components/PageShell";

function AuditLogView() {
  const [page, setPage] = useState(1);
  const query = useAuditLogQuery(page);
  const t = useTranslations("admin.auditLog");
  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <AdminQueryError error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (data.total === 0) return <p className="card muted">{t("none")}</p>;
  return (
    <section className="card">
      <AuditLogTable entries={data.entries} />
      <Pagination total={data.total} page={data.page} pageSize={data.pageSize} busy={query.isFetching} onPage={setPage} />
    </section>
  );
}

export default function AuditLogPage() {
  const settings = useTranslations("settings");
  const t = useTranslations("admin.auditLog");
  return (
    <PageShell title={settings("auditLog")} intro={t("intro")}>
      <AuditLogView />
    </PageShell>
  );
}
