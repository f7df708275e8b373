// The rogue-host forensics (issue #21) as findings the alert lifecycle keeps: a host name that is a machine in
// kmswatch carries its signals itself; a name with no machine (an emulator, an unknown activator) is seen only
// through its clients, so each client it currently activates gets the finding, with the host's evidence. An impostor
// answers under the name of a host with an agent: its alert is on that host, whose evidence names the clients. Pure.
import { normalizeHostName } from "@/lib/kms/hostNames";
import { CHURN_WINDOW_MS, diagnoseHostForensics } from "./forensicRules";
import { type ForensicSignal, type HostForensicFacts, verdictLabels } from "./forensicTypes";
import { type ClientFacts, type Finding, findingTexts, joinMessages, ruleMessage, type Severity } from "./types";

/** The KMS host ePID a client holds now (its newest per product family), with the name it got it from. */
export type ReceivedEpid = {
  client: string;
  family: string;
  host: string;
  epid: string;
  ip: string | null;
  licensed: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
};

export const CLIENT_EMULATOR_RULE = "client-epid-emulator";
const m = ruleMessage(CLIENT_EMULATOR_RULE);
/** Host signals that say "not a genuine Windows KMS host" about a name with no machine (the "Emulator likely" verdict). */
const EMULATOR_SIGNALS = new Set(["host-epid-churn", "host-epid-implausible"]);
const rank: Record<Severity, number> = { critical: 2, warning: 1, info: 0 };
const worst = (signals: ForensicSignal[]): Severity =>
  signals.reduce<Severity>((w, s) => (rank[s.severity] > rank[w] ? s.severity : w), "info");

type Scope = {
  /** KMS host machines being evaluated: id -> FQDN. */
  hostMachines: ReadonlyMap<string, string>;
  /** Clients being evaluated: lower-case FQDN -> machine. */
  clients: ReadonlyMap<string, { machineId: string; fqdn: string }>;
};

/** Host signals on their own machine; one finding per rule and machine (a host known by two names keeps the worst). */
function hostFindings(hosts: readonly HostForensicFacts[], scope: Scope, now: Date): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of hosts) {
    const fqdn = f.machineId === null ? undefined : scope.hostMachines.get(f.machineId);
    if (f.machineId === null || fqdn === undefined) continue;
    for (const s of diagnoseHostForensics(f, now).signals) {
      const finding: Finding = {
        ruleId: s.ruleId,
        severity: s.severity,
        subject: { kind: "host", machineId: f.machineId, fqdn },
        title: s.title,
        cause: s.cause,
        fix: s.fix,
        evidence: { hostName: f.host, ...s.evidence },
        since: s.since,
        ...(s.messages ? { messages: s.messages } : {}),
      };
      const key = `${s.ruleId}\u0000${f.machineId}`;
      const kept = byKey.get(key);
      if (!kept || rank[finding.severity] > rank[kept.severity]) byKey.set(key, finding);
    }
  }
  return [...byKey.values()];
}

const isCurrent = (r: ReceivedEpid, now: Date) => Date.parse(r.lastSeenAt) >= now.getTime() - CHURN_WINDOW_MS;

/** Clients a no-machine name that looks like an emulator currently activates. */
function emulatorClientFindings(f: HostForensicFacts, signals: ForensicSignal[], received: ReceivedEpid[], scope: Scope): Finding[] {
  if (!signals.some((s) => EMULATOR_SIGNALS.has(s.ruleId))) return [];
  // Most severe host signal: a name outside the approved list that activates clients is critical (unknown activator).
  const severity = worst(signals);
  return received.flatMap((r): Finding[] => {
    const client = scope.clients.get(r.client);
    if (!client) return [];
    return [
      {
        ruleId: CLIENT_EMULATOR_RULE,
        severity,
        subject: { kind: "client", machineId: client.machineId, fqdn: client.fqdn },
        ...findingTexts({
          title: m("title"),
          cause: m("cause", {
            epid: r.epid,
            host: r.host,
            signals: joinMessages(
              signals.map((s) => s.messages?.title ?? s.title),
              "semicolon",
            ),
            activated: f.activatedClients,
          }),
          fix: m("fix", { host: r.host, ip: r.ip ? m("reachedAt", { ip: r.ip }) : "" }),
        }),
        evidence: {
          kmsHost: r.host,
          receivedEpid: r.epid,
          family: r.family,
          ipReached: r.ip,
          licensed: r.licensed,
          receivedLastSeenAt: r.lastSeenAt,
          hostVerdict: verdictLabels.emulator,
          hostSignals: signals.map((s) => s.ruleId).join(", "),
          hostApproved: f.approved,
          hostActivatedClients: f.activatedClients,
          hostDistinctEpids: new Set(f.served.map((s) => s.epid)).size,
        },
        since: r.firstSeenAt,
      },
    ];
  });
}

/**
 * Findings of the forensic signals for the machines in scope: host signals on the host's machine, and for each
 * client the ePID it holds now when it came from an emulator-like name with no machine.
 */
export function forensicFindings(
  hosts: readonly HostForensicFacts[],
  received: readonly ReceivedEpid[],
  scope: Scope,
  now: Date,
): Finding[] {
  const byHost = new Map<string, ReceivedEpid[]>();
  for (const r of received) if (isCurrent(r, now)) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r]);
  const clientFindings = hosts.flatMap((f) => {
    const mine = byHost.get(f.host) ?? [];
    if (mine.length === 0) return [];
    // An impostor answers under the name of a host with an agent: its alert is on that host and names the clients.
    if (f.machineId !== null) return [];
    return emulatorClientFindings(f, diagnoseHostForensics(f, now).signals, mine, scope);
  });
  return [...hostFindings(hosts, scope, now), ...clientFindings];
}

/** Host names whose clients may get a finding (or need their ePID in evidence): the fleet pass reads only their clients. */
export function namesConcerningClients(hosts: readonly HostForensicFacts[], now: Date): string[] {
  return hosts
    .filter(
      (f) =>
        f.approved === false || (f.machineId === null && diagnoseHostForensics(f, now).signals.some((s) => EMULATOR_SIGNALS.has(s.ruleId))),
    )
    .map((f) => f.host);
}

/**
 * Each client's facts with the ePID it holds from its KMS host name and how many clients that name activated
 * (evidence of client-unapproved-host). Left unset for a client whose ePIDs were not read (the fleet pass reads
 * only the clients of names the forensics flag).
 */
export function withKmsHostEpids(
  clients: ClientFacts[],
  hosts: readonly HostForensicFacts[],
  received: readonly ReceivedEpid[],
): ClientFacts[] {
  if (received.length === 0) return clients;
  const activated = new Map(hosts.map((h) => [h.host, h.activatedClients]));
  const byClient = new Map<string, ReceivedEpid[]>();
  for (const r of received) byClient.set(r.client, [...(byClient.get(r.client) ?? []), r]);
  return clients.map((c) => {
    const host = normalizeHostName(c.kmsHost);
    const held = (byClient.get(c.fqdn.toLowerCase()) ?? []).filter((r) => r.host === host);
    const newest = held.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))[0];
    if (!newest) return c;
    return {
      ...c,
      kmsHostEpid: { epid: newest.epid, receivedAt: newest.lastSeenAt, hostActivatedClients: activated.get(newest.host) ?? null },
    };
  });
}
