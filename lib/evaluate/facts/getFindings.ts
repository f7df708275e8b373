// Every open finding: the diagnosis rules run over the facts of all hosts and clients (or one machine).
import { diagnoseClient, diagnoseHost, rulePriority } from "@/lib/evaluate/rules";
import type { ClientFacts, Finding, HostFacts } from "@/lib/evaluate/rules/types";
import { getClientFacts } from "@/lib/evaluate/facts/getClientFacts";
import { getHostFacts } from "@/lib/evaluate/facts/getHostFacts";
import { type ForensicContext, getForensicContext } from "@/lib/evaluate/facts/getForensicContext";
import { forensicFindings, withKmsHostEpids } from "@/lib/evaluate/rules/forensicFindings";
import { mapYielding } from "@/lib/core/mapYielding";

const severityRank = { critical: 0, warning: 1, info: 2 } as const;

/** Findings of the whole fleet, or of one machine (`machineId`) or several (`machineIds`). */
export async function getFindings(now: Date, filter: { machineId?: string; machineIds?: readonly string[] } = {}): Promise<Finding[]> {
  const machineIds = filter.machineIds ?? (filter.machineId ? [filter.machineId] : undefined);
  const [hosts, clients, forensic] = await Promise.all([
    getHostFacts(now, machineIds),
    getClientFacts(now, { machineIds }),
    getForensicContext(now, machineIds),
  ]);
  return findingsFrom(now, hosts, clients, forensic);
}

/** The rules over facts already read (the host page reads its host's facts for its header too). */
export async function findingsFrom(now: Date, hosts: HostFacts[], clients: ClientFacts[], forensic: ForensicContext): Promise<Finding[]> {
  const clientFindings = await mapYielding(withKmsHostEpids(clients, forensic.hosts, forensic.received), (c) => diagnoseClient(c, now));
  // Rogue-host forensics (#21): only for the machines evaluated here (their alerts are the ones reconciled).
  const scope = {
    hostMachines: new Map(hosts.map((h) => [h.machineId, h.fqdn])),
    clients: new Map(clients.map((c) => [c.fqdn.toLowerCase(), { machineId: c.machineId, fqdn: c.fqdn }])),
  };
  const forensicFound = forensicFindings(forensic.hosts, forensic.received, scope, now);
  return sortFindings([...hosts.flatMap((h) => diagnoseHost(h, now)), ...clientFindings.flat(), ...forensicFound]);
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
