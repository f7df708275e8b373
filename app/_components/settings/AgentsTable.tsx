"use client";
// Enrolled agents with their token state; revoke or rotate a token (admins).
import { useTranslations } from "next-intl";
import type { AgentRow } from "@/lib/access/admin/agentList";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "@/app/_components/clients/clients.module.css";
import { RowButton } from "@/app/_components/table/RowButton";
import { DataTable } from "@/app/_components/table/DataTable";
import { WhenCell } from "@/app/_components/table/WhenCell";

type Props = { agents: AgentRow[]; busyId: string | null; onRevoke: (agent: AgentRow) => void; onRotate: (agent: AgentRow) => void };

const roles = ["kms_host", "client", "unknown"] as const;
const isKnownRole = (role: string): role is (typeof roles)[number] => (roles as readonly string[]).includes(role);

export function AgentsTable({ agents, busyId, onRevoke, onRotate }: Props) {
  const t = useTranslations("admin.agents");
  return (
    <DataTable
      columns={[t("colMachine"), t("colRole"), t("colVersion"), t("colEnrolled"), t("colLastSeen"), t("colToken"), t("colState"), ""]}
    >
      {agents.map((agent) => (
        <tr key={agent.id} className={agent.revokedAt ? styles.dim : undefined}>
          <td className={styles.mono}>{agent.fqdn}</td>
          <td>{isKnownRole(agent.role) ? t(`role.${agent.role}`) : agent.role}</td>
          <td>{agent.agentVersion ?? <span className="muted">—</span>}</td>
          <WhenCell iso={agent.enrolledAt} show="ago" />
          <WhenCell iso={agent.lastSeenAt} show="ago" empty={t("never")} />
          <td className={styles.mono}>{agent.tokenPrefix}…</td>
          <td>
            {agent.revokedAt ? (
              <span className="badge">
                {t("revoked")} <TimeAgo iso={agent.revokedAt} />
              </span>
            ) : (
              <span className="badge ok">{t("active")}</span>
            )}
          </td>
          <td className={styles.nowrap}>
            {!agent.revokedAt && (
              <RowButton
                tone="danger"
                disabled={busyId !== null}
                onClick={() => onRevoke(agent)}
                busyLabel={busyId === agent.id && t("working")}
              >
                {t("revoke")}
              </RowButton>
            )}{" "}
            <RowButton tone="secondary" disabled={busyId !== null} onClick={() => onRotate(agent)} title={t("rotateTitle")}>
              {t("rotate")}
            </RowButton>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
