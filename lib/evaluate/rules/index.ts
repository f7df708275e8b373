// Entry point of the diagnosis rules: run every rule of a subject kind on its facts and return sorted findings.
// Pure: `now` is a parameter so the same facts always give the same findings (tests, replays, server clocks).
import * as client from "./clientRules";
import * as host from "./hostRules";
import type { ClientFacts, Finding, HostFacts, Rule, RuleMeta, Severity, SubjectKind } from "./types";

export type { ClientFacts, EvidenceValue, Finding, HostFacts, Rule, RuleHit, RuleMeta, Severity, SubjectKind } from "./types";
export { clientFactsSchema, findingSchema, hostFactsSchema, severityValues } from "./types";

export const hostRules: readonly Rule<HostFacts>[] = [
  host.hostNotLicensed,
  host.hostCountBelowThreshold,
  host.hostCountStuckDuplicateCmids,
  host.hostFailedRequestsRising,
  host.hostDnsPublishFailed,
  host.hostIdle,
  host.hostNonstandardPort,
  host.hostCountForecastDrop,
];

export const clientRules: readonly Rule<ClientFacts>[] = [
  client.clientHostUnreachable,
  client.clientInGrace,
  client.clientNotification,
  client.clientNotGvlk,
  client.clientRenewalOverdue,
  client.clientExpiringSoon,
  client.clientUnapprovedHost,
  client.clientRefusedLowCount,
];

/** Every rule (id, severity, maxSeverity, title, subjectKind), e.g. for an alerts/settings page. */
export const ruleCatalogue: readonly RuleMeta[] = [...hostRules, ...clientRules].map(
  ({ id, severity, maxSeverity, title, subjectKind }) => ({ id, severity, maxSeverity, title, subjectKind }),
);

const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Most severe first, then by rule id so the order is stable across runs. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = severityRank[a.severity] - severityRank[b.severity];
  return bySeverity !== 0 ? bySeverity : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

function run<F extends { machineId: string; fqdn: string }>(rules: readonly Rule<F>[], kind: SubjectKind, facts: F, now: Date): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const hit = rule.evaluate(facts, now);
    if (hit === null) continue;
    findings.push({
      ruleId: rule.id,
      severity: hit.severity ?? rule.severity,
      subject: { kind, machineId: facts.machineId, fqdn: facts.fqdn },
      title: rule.title,
      cause: hit.cause,
      fix: hit.fix,
      evidence: hit.evidence,
      since: hit.since ?? null,
    });
  }
  return findings.sort(compareFindings);
}

/** Findings for one KMS host, most severe first; [] when healthy or when the facts are too thin to tell. */
export function diagnoseHost(facts: HostFacts, now: Date): Finding[] {
  return run(hostRules, "host", facts, now);
}

/** Findings for one KMS client, most severe first; [] when healthy or when the facts are too thin to tell. */
export function diagnoseClient(facts: ClientFacts, now: Date): Finding[] {
  return run(clientRules, "client", facts, now);
}
export { diagnoseHostForensics, forensicRules } from "./forensicRules";
