// Rogue KMS host forensics (issue #21): from the ePIDs clients received under a host name and what the host's
// own agent reports, four signals (churn, impostor, implausible ePID, unknown host activating clients) and a
// verdict. Pure: `now` is a parameter. Every signal is evidence to check, never proof (see README "Host audit").
import { checkAgainstHost, decodeEpid, differingParts, sameKeyOtherInstall, type EpidProblem } from "@/lib/kms/epid";
import { DAY_MS } from "@/lib/core/time";
import { findingTexts, type MessageRef, type RuleMessage, ruleMessage, type Severity } from "./types";
import type { ForensicSignal, HostForensicFacts, ServedEpid, Verdict } from "./forensicTypes";

/** A genuine host keeps one ePID per host key: two within this window are churn. */
export const CHURN_WINDOW_MS = 30 * DAY_MS;
const MAX_LISTED = 10;

type Hit = Omit<ForensicSignal, "subject" | "title" | "ruleId" | "cause" | "fix" | "messages"> & {
  severity: Severity;
  cause: MessageRef;
  fix: MessageRef;
};
/** The title, cause and fix are the rule's catalogue messages (findings.rules.<id>.*). */
type ForensicRule = { id: string; evaluate: (f: HostForensicFacts, now: Date, m: RuleMessage) => Hit | null };

const recent = (f: HostForensicFacts, now: Date) => f.served.filter((s) => Date.parse(s.lastSeenAt) >= now.getTime() - CHURN_WINDOW_MS);
const families = (served: ServedEpid[]) => [...new Set(served.map((s) => s.family))].sort();
const describeServed = (s: ServedEpid) =>
  `${s.epid} (${s.family}, ${s.clients} client(s)${s.ips.length > 0 ? ` via ${s.ips.join(", ")}` : ""})`;
const list = (items: string[]) =>
  items.slice(0, MAX_LISTED).join("; ") + (items.length > MAX_LISTED ? `; … ${items.length - MAX_LISTED} more` : "");
const since = (served: ServedEpid[]) => served.map((s) => s.firstSeenAt).sort()[0] ?? null;

/**
 * ePIDs clients received under the name of a host with an agent, within 30 days, that the host does not report as
 * its own: what the impostor signal is about (and which clients an impostor activated, see forensicFindings.ts).
 */
export function foreignServed(f: HostForensicFacts, now: Date): ServedEpid[] {
  if (f.machineId === null || f.ownEpids.length === 0) return [];
  return recent(f, now).filter((s) => {
    const own = f.ownEpids.filter((o) => o.family === s.family);
    // Last seen before the host reported its current ePID: most likely its own previous one (re-keyed or
    // reinstalled), which churn still shows; an impostor is one that clients got while the host had another.
    const before = own.length > 0 && own.every((o) => o.since !== null && s.lastSeenAt < o.since);
    return own.length > 0 && !own.some((o) => o.epid === s.epid) && !before;
  });
}

const churn: ForensicRule = {
  id: "host-epid-churn",
  evaluate: (f, now, m) => {
    const byFamily = families(recent(f, now)).map((family) => recent(f, now).filter((s) => s.family === family));
    const churned = byFamily.filter((served) => served.length > 1);
    if (churned.length === 0) return null;
    const all = churned.flat().sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt));
    const decoded = all.map((s) => decodeEpid(s.epid, now));
    const sameKey = decoded.slice(1).every((d) => sameKeyOtherInstall(decoded[0] ?? null, d));
    return {
      severity: all.length >= 3 ? "critical" : "warning",
      cause: m("cause", { count: all.length, host: f.host, sameKey: sameKey ? "yes" : "no" }),
      fix: m("fix", { host: f.host }),
      evidence: {
        families: churned.map((s) => s[0]?.family ?? "").join(", "),
        distinctEpids: all.length,
        epids: list(all.map(describeServed)),
        sameHostKey: sameKey,
      },
      since: all[1]?.firstSeenAt ?? null,
    };
  },
};

const impostor: ForensicRule = {
  id: "host-epid-impostor",
  evaluate: (f, now, m) => {
    const foreign = foreignServed(f, now);
    if (foreign.length === 0) return null;
    const first = foreign[0];
    const ownEpid = f.ownEpids.find((o) => o.family === first?.family)?.epid ?? null;
    const [own, other] = [decodeEpid(ownEpid, now), decodeEpid(first?.epid, now)];
    const copied = foreign.every((s) =>
      sameKeyOtherInstall(decodeEpid(f.ownEpids.find((o) => o.family === s.family)?.epid, now), decodeEpid(s.epid, now)),
    );
    const clients = [...new Set(foreign.flatMap((s) => s.clientSample))].sort();
    const ips = [...new Set(foreign.flatMap((s) => s.ips))].sort();
    return {
      severity: "critical",
      cause: m("cause", {
        host: f.host,
        own: ownEpid,
        clients: foreign.reduce((n, s) => n + s.clients, 0),
        received: foreign.map((s) => s.epid).join(", "),
        copied: copied ? "yes" : "no",
      }),
      fix: m("fix", { where: ips.length > 0 ? ips.join(", ") : m("theAddress"), host: f.host }),
      evidence: {
        hostOwnEpid: ownEpid,
        receivedEpids: list(foreign.map(describeServed)),
        differingParts: own && other ? differingParts(own, other).join(", ") : null,
        clients: list(clients),
        ipsReached: ips.join(", ") || null,
        copiedHostVm: copied,
      },
      since: since(foreign),
    };
  },
};

const implausible: ForensicRule = {
  id: "host-epid-implausible",
  evaluate: (f, now, m) => {
    const own = (family: string) => decodeEpid(f.ownEpids.find((o) => o.family === family)?.epid, now);
    const findings: { message: string; malformed: boolean }[] = [];
    const add = (label: string, problems: EpidProblem[]) => {
      for (const p of problems)
        if (p.kind !== "unverified") findings.push({ message: `${label}: ${p.message}`, malformed: p.kind === "malformed" });
    };
    for (const o of f.ownEpids) add(`host's own ${o.epid}`, decodeEpid(o.epid, now)?.problems ?? []);
    const served = recent(f, now);
    for (const s of served) {
      const d = decodeEpid(s.epid, now);
      add(s.epid, d?.problems ?? []);
      if (d && f.machineId !== null) add(s.epid, checkAgainstHost(d, { osBuild: f.osBuild, ownEpid: own(s.family) }));
    }
    if (findings.length === 0) return null;
    return {
      severity: "warning",
      cause: m("cause", { count: findings.length, host: f.host }),
      fix: m("fix", { host: f.host }),
      evidence: { problems: list(findings.map((x) => x.message)), malformed: findings.some((x) => x.malformed), hostBuild: f.osBuild },
      since: since(served),
    };
  },
};

const unknownHost: ForensicRule = {
  id: "host-epid-unknown-activator",
  evaluate: (f, now, m) => {
    if (f.machineId !== null || f.approved !== false || f.clientsReporting === 0) return null;
    return {
      severity: "critical",
      cause: m("cause", {
        host: f.host,
        reporting: f.clientsReporting,
        activated: f.served.length > 0 ? m("activated", { count: f.activatedClients }) : m("noEpidYet"),
      }),
      fix: m("fix", { host: f.host }),
      evidence: {
        clientsReporting: f.clientsReporting,
        activatedClients: f.activatedClients,
        epids: f.served.length > 0 ? list(f.served.map(describeServed)) : null,
        lastSeenWithin30d: recent(f, now).length > 0,
      },
      since: since(f.served),
    };
  },
};

export const forensicRules: readonly ForensicRule[] = [impostor, churn, implausible, unknownHost];

export function diagnoseHostForensics(f: HostForensicFacts, now: Date): { verdict: Verdict; signals: ForensicSignal[] } {
  const signals = forensicRules.flatMap((rule): ForensicSignal[] => {
    const m = ruleMessage(rule.id);
    const hit = rule.evaluate(f, now, m);
    if (!hit) return [];
    const texts = findingTexts({ title: m("title"), cause: hit.cause, fix: hit.fix });
    return [{ ...hit, ...texts, ruleId: rule.id, subject: { kind: "host", host: f.host, machineId: f.machineId } }];
  });
  const has = (id: string) => signals.some((s) => s.ruleId === id);
  const verdict: Verdict = has(impostor.id)
    ? "impostor"
    : // With an agent on the name, a contradiction is more likely an upgrade or a gap in the tables than an emulator.
      (has(implausible.id) || has(churn.id)) && f.machineId === null
      ? "emulator"
      : signals.length > 0
        ? "suspicious"
        : f.served.length > 0
          ? "genuine"
          : "no-evidence";
  return { verdict, signals };
}
