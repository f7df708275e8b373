// Alerts page and client page: counts per severity, the rule summary, and the URL values of the filters
// (the filtering and ordering themselves run in Postgres, lib/read/alerts/alertSql.ts).
// Shared with the pages (the filters live in the URL), so not server-only: pure, no I/O.
import type { RuleGroup } from "@/lib/read/contract/fleet";

export type FindingLike = {
  ruleId: string;
  title: string;
  severity: "critical" | "warning" | "info";
  subject: { kind: "host" | "client" };
};
export type SeverityFilter = "" | FindingLike["severity"];
export type KindFilter = "" | FindingLike["subject"]["kind"];

export const severityOrder = ["critical", "warning", "info"] as const;

export function countBySeverity(findings: readonly FindingLike[]): Record<FindingLike["severity"], number> {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export type { RuleGroup } from "@/lib/read/contract/fleet";
/** `n` subjects of one kind with one rule at one severity (a row of getAlertCounts, or one finding). */
export type RuleCount = {
  ruleId: string;
  title: string;
  severity: FindingLike["severity"];
  kind: FindingLike["subject"]["kind"];
  n: number;
};

/** One line per rule: "KMS host refused the client: count too low – 40 clients", most severe and most frequent first. */
export function groupRuleCounts(counts: readonly RuleCount[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const c of counts) {
    const g = groups.get(c.ruleId) ?? { ruleId: c.ruleId, title: c.title, severity: c.severity, hosts: 0, clients: 0 };
    // A rule that escalates for some subjects is listed at its worst severity.
    if (severityOrder.indexOf(c.severity) < severityOrder.indexOf(g.severity)) g.severity = c.severity;
    if (c.kind === "host") g.hosts += c.n;
    else g.clients += c.n;
    groups.set(c.ruleId, g);
  }
  return [...groups.values()].sort(
    (a, b) =>
      severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
      b.hosts - a.hosts ||
      b.hosts + b.clients - (a.hosts + a.clients),
  );
}

export function parseSeverity(value: string | null): SeverityFilter {
  return value === "critical" || value === "warning" || value === "info" ? value : "";
}

export function parseKind(value: string | null): KindFilter {
  return value === "host" || value === "client" ? value : "";
}
