// Open findings per diagnosis rule and severity, from the same rules the Alerts page shows.
import { getFindings } from "@/lib/queries/getFindings";

export async function getFindingMetrics(now: Date) {
  const counts = new Map<string, { rule: string; severity: string; findings: number }>();
  for (const finding of await getFindings(now)) {
    const key = `${finding.ruleId}\u0000${finding.severity}`;
    const entry = counts.get(key) ?? { rule: finding.ruleId, severity: finding.severity, findings: 0 };
    entry.findings += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.severity.localeCompare(b.severity));
}
