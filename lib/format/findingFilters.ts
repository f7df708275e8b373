// Alerts page: counts per severity and the severity / kind filters.

export type FindingLike = { ruleId: string; title: string; severity: "critical" | "warning" | "info"; subject: { kind: "host" | "client" } };
export type SeverityFilter = "" | FindingLike["severity"];
export type KindFilter = "" | FindingLike["subject"]["kind"];

export const severityOrder = ["critical", "warning", "info"] as const;

export function countBySeverity(findings: readonly FindingLike[]): Record<FindingLike["severity"], number> {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function filterFindings<T extends FindingLike>(findings: readonly T[], severity: SeverityFilter, kind: KindFilter, ruleId = ""): T[] {
  return findings.filter(
    (f) => (!severity || f.severity === severity) && (!kind || f.subject.kind === kind) && (!ruleId || f.ruleId === ruleId),
  );
}

const kindOrder = (f: FindingLike) => (f.subject.kind === "host" ? 0 : 1);

/** Most severe first; then KMS hosts before clients (a host problem explains many client ones); else the server's order. */
export function sortFindings<T extends FindingLike>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityOrder.indexOf(a.f.severity) - severityOrder.indexOf(b.f.severity) || kindOrder(a.f) - kindOrder(b.f) || a.i - b.i)
    .map((x) => x.f);
}

export type RuleGroup = { ruleId: string; title: string; severity: FindingLike["severity"]; hosts: number; clients: number };
/** `n` subjects of one kind with one rule at one severity (a row of getAlertCounts, or one finding). */
export type RuleCount = { ruleId: string; title: string; severity: FindingLike["severity"]; kind: FindingLike["subject"]["kind"]; n: number };

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
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || b.hosts - a.hosts || b.hosts + b.clients - (a.hosts + a.clients),
  );
}

export function groupByRule(findings: readonly FindingLike[]): RuleGroup[] {
  return groupRuleCounts(findings.map((f) => ({ ruleId: f.ruleId, title: f.title, severity: f.severity, kind: f.subject.kind, n: 1 })));
}

export function parseSeverity(value: string | null): SeverityFilter {
  return value === "critical" || value === "warning" || value === "info" ? value : "";
}

export function parseKind(value: string | null): KindFilter {
  return value === "host" || value === "client" ? value : "";
}
