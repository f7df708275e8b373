"use client";
// Enrolled agents with their token state; revoke or rotate a token (admins).
import type { AgentRow } from "@/lib/access/admin/agentList";
import { TimeAgo } from "@/app/_components/TimeAgo";
import styles from "@/app/_components/clients/clients.module.css";
import { TableScroll } from "@/app/_components/table/TableScroll";

type Props = { agents: AgentRow[]; busyId: string | null; onRevoke: (agent: AgentRow) => void; onRotate: (agent: AgentRow) => void };

const roleLabel: Record<string, string> = { kms_host: "KMS host", client: "client", unknown: "not reported yet" };

export function AgentsTable({ agents, busyId, onRevoke, onRotate }: Props) {
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>Machine</th>
            <th>Role</th>
            <th>Agent version</th>
            <th>Enrolled</th>
            <th>Last seen</th>
            <th>Token</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id} className={agent.revokedAt ? styles.dim : undefined}>
              <td className={styles.mono}>{agent.fqdn}</td>
              <td>{roleLabel[agent.role] ?? agent.role}</td>
              <td>{agent.agentVersion ?? <span className="muted">—</span>}</td>
              <td>
                <TimeAgo iso={agent.enrolledAt} />
              </td>
              <td>
                <TimeAgo iso={agent.lastSeenAt} empty="never" />
              </td>
              <td className={styles.mono}>{agent.tokenPrefix}…</td>
              <td>
                {agent.revokedAt ? (
                  <span className="badge">
                    revoked <TimeAgo iso={agent.revokedAt} />
                  </span>
                ) : (
                  <span className="badge ok">active</span>
                )}
              </td>
              <td className={styles.nowrap}>
                {!agent.revokedAt && (
                  <button type="button" className={styles.danger} disabled={busyId !== null} onClick={() => onRevoke(agent)}>
                    {busyId === agent.id ? "Working…" : "Revoke"}
                  </button>
                )}{" "}
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={busyId !== null}
                  onClick={() => onRotate(agent)}
                  title="Revoke this token and issue a new one for the same machine, to install by hand"
                >
                  Rotate
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
