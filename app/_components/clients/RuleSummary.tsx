// Open findings grouped by rule: the "why" at a glance, each line a filter for the list below.
import type { RuleGroup } from "@/lib/read/alerts/findingFilters";
import styles from "./clients.module.css";

type Props = { groups: readonly RuleGroup[]; active: string; onSelect: (ruleId: string) => void };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function RuleSummary({ groups, active, onSelect }: Props) {
  if (groups.length === 0) return null;
  return (
    <table>
      <thead>
        <tr>
          <th>Problem</th>
          <th>Severity</th>
          <th>Affected</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.ruleId} className={active === g.ruleId ? styles.selected : undefined}>
            <td>{g.title}</td>
            <td>
              <span className={`badge ${g.severity}`}>{g.severity}</span>
            </td>
            <td>
              {[g.hosts > 0 ? plural(g.hosts, "KMS host") : "", g.clients > 0 ? plural(g.clients, "client") : ""]
                .filter(Boolean)
                .join(", ")}
            </td>
            <td>
              <button type="button" className={styles.secondary} onClick={() => onSelect(active === g.ruleId ? "" : g.ruleId)}>
                {active === g.ruleId ? "Show all" : "Show only these"}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
