// Entry point of the diagnosis rules: run every rule of a subject kind on its facts and return sorted findings.
// Pure: `now` is a parameter so the same facts always give the same findings (tests, replays, server clocks).
import * as client from "./clientRules";
import * as host from "./hostRules";
import { hostClientsCannotReach } from "./hostReach";
import { clientCmidShared, clientHostKeyUnsupported, clientHostNotActivated } from "./clientRefusals";
import { clientClockSkew, hostClockSkew } from "./clockSkew";
import { clientIntendedKeyFailing } from "./intendedChannel";
import type { ClientFacts, Finding, HostFacts, Rule, RuleMeta, Severity, SubjectKind } from "./types";
import { findingTexts, ruleMessage } from "./types";

export type { ClientFacts, EvidenceValue, Finding, HostFacts, Rule, RuleHit, RuleMeta, Severity, SubjectKind } from "./types";
export { clientFactsSchema, findingSchema, hostFactsSchema, severityValues } from "./types";

// Each list is in root-cause order: among findings of one severity, a cause comes before the symptoms it
// explains (a cloned CMID before the low count it causes, an unactivated host before its refusals).
export const hostRules: readonly Rule<HostFacts>[] = [
  host.hostNotLicensed,
  hostClientsCannotReach,
  host.hostCountStuckDuplicateCmids,
  host.hostCountBelowThreshold,
  host.hostFailedRequestsRising,
  host.hostDnsPublishFailed,
  host.hostIdle,
  hostClockSkew,
  host.hostNonstandardPort,
  host.hostCountForecastDrop,
];

export const clientRules: readonly Rule<ClientFacts>[] = [
  clientCmidShared,
  clientHostNotActivated,
  clientHostKeyUnsupported,
  client.clientUnapprovedHost,
  client.clientHostUnreachable,
  client.clientRefusedLowCount,
  clientClockSkew,
  clientIntendedKeyFailing,
  client.clientInGrace,
  client.clientNotification,
  client.clientNotGvlk,
  client.clientRenewalOverdue,
  client.clientExpiringSoon,
];

/** Every rule (id, severity, maxSeverity, title, subjectKind), e.g. for an alerts/settings page. */
export const ruleCatalogue: readonly RuleMeta[] = [...hostRules, ...clientRules].map(
  ({ id, severity, maxSeverity, title, subjectKind }) => ({ id, severity, maxSeverity, title, subjectKind }),
);

const severityRank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
/** Rule ids in root-cause order, for SQL that must order stored alerts the same way (array_position). */
export const ruleIdsInPriority: readonly string[] = [...hostRules, ...clientRules].map((r) => r.id);
const priority = new Map(ruleIdsInPriority.map((id, i) => [id, i]));

/** A rule's place in root-cause order (unknown ids last). */
export function rulePriority(ruleId: string): number {
  return priority.get(ruleId) ?? priority.size;
}

/** Most severe first, then root causes before their symptoms (the rule lists' order), stable across runs. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = severityRank[a.severity] - severityRank[b.severity];
  return bySeverity !== 0 ? bySeverity : rulePriority(a.ruleId) - rulePriority(b.ruleId);
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
      ...findingTexts({ title: ruleMessage(rule.id)("title"), cause: hit.cause, fix: hit.fix }),
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
