// Open alerts counted per rule, so one widespread problem reads as one line.
import Link from "next/link";
import type { FleetOverview } from "@/lib/read/fleet/getFleetOverview";

export function OverviewAlertsByRule({ alertsByRule }: { alertsByRule: FleetOverview["alertsByRule"] }) {
  if (alertsByRule.length === 0) return <p className="muted">No open alert.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Severity</th>
          <th>Alert</th>
          <th>Machines</th>
        </tr>
      </thead>
      <tbody>
        {alertsByRule.map((rule) => (
          <tr key={rule.ruleId}>
            <td>
              <span className={`badge ${rule.severity}`}>{rule.severity}</span>
            </td>
            <td>
              <Link href={`/alerts?rule=${encodeURIComponent(rule.ruleId)}`}>{rule.title}</Link>
            </td>
            <td>{rule.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
