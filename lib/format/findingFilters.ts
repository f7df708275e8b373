// Alerts page: counts per severity and the severity / kind filters.

export type FindingLike = { severity: "critical" | "warning" | "info"; subject: { kind: "host" | "client" } };
export type SeverityFilter = "" | FindingLike["severity"];
export type KindFilter = "" | FindingLike["subject"]["kind"];

export const severityOrder = ["critical", "warning", "info"] as const;

export function countBySeverity(findings: readonly FindingLike[]): Record<FindingLike["severity"], number> {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function filterFindings<T extends FindingLike>(findings: readonly T[], severity: SeverityFilter, kind: KindFilter): T[] {
  return findings.filter((f) => (!severity || f.severity === severity) && (!kind || f.subject.kind === kind));
}

/** Most severe first; within a severity keep the server's order. */
export function sortBySeverity<T extends FindingLike>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityOrder.indexOf(a.f.severity) - severityOrder.indexOf(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

export function parseSeverity(value: string | null): SeverityFilter {
  return value === "critical" || value === "warning" || value === "info" ? value : "";
}

export function parseKind(value: string | null): KindFilter {
  return value === "host" || value === "client" ? value : "";
}
