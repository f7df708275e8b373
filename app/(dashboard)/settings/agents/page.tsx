"use client";
import { useTranslations } from "next-intl";
// Agents (admins): every enrolled agent token, revoke or rotate one, and the enroll secrets.
import { useState } from "react";
import { useAgentsQuery, type AgentFilters } from "@/lib/client/useAgentsQuery";
import { useRevokeAgentMutation, useRotateAgentMutation } from "@/lib/client/useAgentsMutations";
import type { AgentRow } from "@/lib/access/admin/agentList";
import { AgentsTable } from "@/app/_components/settings/AgentsTable";
import { AdminQueryError } from "@/app/_components/settings/AdminQueryState";
import { EnrollSecretsCard } from "@/app/_components/settings/EnrollSecretsCard";
import { OneTimeSecret } from "@/app/_components/settings/OneTimeSecret";
import { InlineError, Loading } from "@/app/_components/clients/QueryState";
import { Pagination } from "@/app/_components/clients/Pagination";
import { PageShell } from "@/app/_components/PageShell";

function AgentsView() {
  const [filters, setFilters] = useState<AgentFilters>({ page: 1, q: "", revoked: "exclude" });
  const query = useAgentsQuery(filters);
  const revoke = useRevokeAgentMutation();
  const rotate = useRotateAgentMutation();
  const busyId = revoke.isPending ? (revoke.variables ?? null) : rotate.isPending ? (rotate.variables ?? null) : null;
  const t = useTranslations("admin.agentsPage");

  const onRevoke = (agent: AgentRow) => {
    if (!window.confirm(t("confirmRevoke", { token: agent.tokenPrefix, machine: agent.fqdn }))) return;
    // rotate.data is not reset here: a token shown once must stay until the admin dismisses it.
    revoke.mutate(agent.id);
  };
  const onRotate = (agent: AgentRow) => {
    if (!window.confirm(t("confirmRotate", { machine: agent.fqdn }))) return;
    revoke.reset();
    rotate.mutate(agent.id);
  };

  if (query.isPending) return <Loading what={t("what")} />;
  if (query.isError) return <AdminQueryError error={query.error} what={t("what")} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const rotated = rotate.data;
  const tokenJson = rotated
    ? JSON.stringify(
        {
          server: window.location.origin,
          agentId: rotated.agentId,
          token: rotated.token,
          fqdn: rotated.fqdn,
          enrolledAt: rotated.enrolledAt,
        },
        null,
        2,
      )
    : "";

  return (
    <>
      {rotated && (
        <OneTimeSecret title={t("newToken", { machine: rotated.fqdn })} value={rotated.token} onDismiss={() => rotate.reset()}>
          <p className="muted small">{t.rich("install", { code: (chunks) => <code>{chunks}</code> })}</p>
          <pre>{tokenJson}</pre>
          {/* Both agents ignore a saved token whose server differs from the URL they run with. */}
          <p className="muted small">{t.rich("serverField", { code: (chunks) => <code>{chunks}</code> })}</p>
          <p className="muted small">{t("orSkip")}</p>
        </OneTimeSecret>
      )}
      <section className="card">
        <div className="toolbar">
          <input
            type="search"
            placeholder={t("filter")}
            aria-label={t("filter")}
            value={filters.q}
            size={30}
            onChange={(e) => setFilters({ ...filters, q: e.target.value, page: 1 })}
          />
          <label>
            <input
              type="checkbox"
              checked={filters.revoked === "include"}
              onChange={(e) => setFilters({ ...filters, revoked: e.target.checked ? "include" : "exclude", page: 1 })}
            />{" "}
            {t("showRevoked")}
          </label>
        </div>
        <InlineError error={revoke.error ?? rotate.error} />
        {data.total === 0 ? (
          <p className="muted">{filters.q ? t("noMatch") : t("none")}</p>
        ) : (
          <>
            <AgentsTable agents={data.agents} busyId={busyId} onRevoke={onRevoke} onRotate={onRotate} />
            <Pagination
              total={data.total}
              page={data.page}
              pageSize={data.pageSize}
              busy={query.isFetching}
              onPage={(page) => setFilters({ ...filters, page })}
            />
          </>
        )}
      </section>
      <EnrollSecretsCard />
    </>
  );
}

export default function AgentsSettingsPage() {
  const settings = useTranslations("settings");
  const t = useTranslations("admin.agentsPage");
  return (
    <PageShell title={settings("agents")} intro={t.rich("intro", { log: (chunks) => <a href="/settings/audit-log">{chunks}</a> })}>
      <AgentsView />
    </PageShell>
  );
}
