// The alerts page's summary from the grouped counts, with the page's semantics: severity counts over the
// chosen subject kind (so each is a filter to click), the rule summary within the chosen severity too, and
// the total of the list with every filter applied.
import "server-only";
import { groupRuleCounts, type RuleCount } from "@/lib/read/alerts/findingFilters";
import type { AlertFilter } from "@/lib/read/alerts/alertFilters";
import type { AlertSummary } from "@/lib/read/contract/fleet";

export type AlertCountRow = RuleCount;
/** inState: every alert in the chosen states; total: those matching every filter (the list's length before its limit). */
export type { AlertSummary } from "@/lib/read/contract/fleet";

export function summarizeAlertCounts(
  rows: readonly AlertCountRow[],
  filter: Pick<AlertFilter, "severity" | "kind" | "rule">,
): AlertSummary {
  const ofKind = rows.filter((r) => !filter.kind || r.kind === filter.kind);
  const ofSeverity = ofKind.filter((r) => !filter.severity || r.severity === filter.severity);
  const severityCounts = { critical: 0, warning: 0, info: 0 };
  for (const r of ofKind) if (r.severity in severityCounts) severityCounts[r.severity] += r.n;
  const total = ofSeverity.filter((r) => !filter.rule || r.ruleId === filter.rule).reduce((sum, r) => sum + r.n, 0);
  const inState = rows.reduce((sum, r) => sum + r.n, 0);
  return { inState, total, severityCounts, rules: groupRuleCounts(ofSeverity) };
}
