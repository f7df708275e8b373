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

function AgentsView() {
  const [filters, setFilters] = useState<AgentFilters>({ page: 1, q: "", revoked: "exclude" });
  const query = useAgentsQuery(filters);
  const revoke = useRevokeAgentMutation();
  const rotate = useRotateAgentMutation();
  const busyId = revoke.isPending ? (revoke.variables ?? null) : rotate.isPending ? (rotate.variables ?? null) : null;

  const onRevoke = (agent: AgentRow) => {
    if (
      !window.confirm(
        `Revoke the token ${agent.tokenPrefix}… of ${agent.fqdn}? Its next check-in is refused; an agent that keeps the enroll secret enrolls again by itself.`,
      )
    )
      return;
    // rotate.data is not reset here: a token shown once must stay until the admin dismisses it.
    revoke.mutate(agent.id);
  };
  const onRotate = (agent: AgentRow) => {
    if (
      !window.confirm(
        `Rotate the token of ${agent.fqdn}? The current token stops working now and a new one is shown once, to install on the machine by hand.`,
      )
    )
      return;
    revoke.reset();
    rotate.mutate(agent.id);
  };

  if (query.isPending) return <Loading what="agents" />;
  if (query.isError) return <AdminQueryError error={query.error} what="the agents" onRetry={() => void query.refetch()} />;
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
        <OneTimeSecret title={`New agent token for ${rotated.fqdn}`} value={rotated.token} onDismiss={() => rotate.reset()}>
          <p className="muted small">
            The old token is revoked. Install the new one on the machine: replace <code>token.json</code> in the agent&apos;s state folder (
            <code>%ProgramData%\kmswatch</code> on Windows, the <code>--state-dir</code> of the Node agent) with:
          </p>
          <pre>{tokenJson}</pre>
          {/* Both agents ignore a saved token whose server differs from the URL they run with. */}
          <p className="muted small">
            <code>server</code> must be exactly the server URL the agent was installed with; edit it if that differs from this address.
          </p>
          <p className="muted small">Or skip this: an agent that has the enroll secret enrolls again by itself on its next run.</p>
        </OneTimeSecret>
      )}
      <section className="card">
        <div className="toolbar">
          <input
            type="search"
            placeholder="Filter by machine name"
            aria-label="Filter by machine name"
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
            Show revoked tokens
          </label>
        </div>
        <InlineError error={revoke.error ?? rotate.error} />
        {data.total === 0 ? (
          <p className="muted">
            {filters.q ? "No agent matches this filter." : "No agent has enrolled yet. Install the agent with the enroll secret below."}
          </p>
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
  return (
    <>
      <h1>{settings("agents")}</h1>
      <p className="muted">
        Each enrollment issues an agent token. Revoke a token to stop a machine sending data; rotate it when a token has leaked. Every
        change is written to the <a href="/settings/audit-log">audit log</a>.
      </p>
      <AgentsView />
    </>
  );
}
