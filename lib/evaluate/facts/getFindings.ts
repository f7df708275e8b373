// Every open finding: the diagnosis rules run over the facts of all hosts and clients (or one machine).
import { diagnoseClient, diagnoseHost, rulePriority } from "@/lib/evaluate/rules";
import type { Finding } from "@/lib/evaluate/rules/types";
import { getClientFacts } from "@/lib/evaluate/facts/getClientFacts";
import { getHostFacts } from "@/lib/evaluate/facts/getHostFacts";
import { mapYielding } from "@/lib/core/mapYielding";

const severityRank = { critical: 0, warning: 1, info: 2 } as const;

/** Findings of the whole fleet, or of one machine (`machineId`) or several (`machineIds`). */
export async function getFindings(now: Date, filter: { machineId?: string; machineIds?: readonly string[] } = {}): Promise<Finding[]> {
  const machineIds = filter.machineIds ?? (filter.machineId ? [filter.machineId] : undefined);
  const [hosts, clients] = await Promise.all([getHostFacts(now, machineIds), getClientFacts(now, { machineIds })]);
  const clientFindings = await mapYielding(clients, (c) => diagnoseClient(c, now));
  return sortFindings([...hosts.flatMap((h) => diagnoseHost(h, now)), ...clientFindings.flat()]);
}

/** Most severe first, then root causes before symptoms (see rules/index.ts), then newest, then by machine name. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      rulePriority(a.ruleId) - rulePriority(b.ruleId) ||
      (b.since ?? "").localeCompare(a.since ?? "") ||
      a.subject.fqdn.localeCompare(b.subject.fqdn),
  );
}
