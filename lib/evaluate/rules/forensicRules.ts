// Rogue KMS host forensics (issue #21): from the ePIDs clients received under a host name and what the host's
// own agent reports, four signals (churn, impostor, implausible ePID, unknown host activating clients) and a
// verdict. Pure: `now` is a parameter. Every signal is evidence to check, never proof (see README "Host audit").
import { checkAgainstHost, decodeEpid, differingParts, sameKeyOtherInstall, type EpidProblem } from "@/lib/kms/epid";
import { DAY_MS } from "@/lib/core/time";
import type { Severity } from "./types";
import type { ForensicSignal, HostForensicFacts, ServedEpid, Verdict } from "./forensicTypes";

/** A genuine host keeps one ePID per host key: two within this window are churn. */
export const CHURN_WINDOW_MS = 30 * DAY_MS;
const MAX_LISTED = 10;

type Hit = Omit<ForensicSignal, "subject" | "title" | "ruleId"> & { severity: Severity };
type ForensicRule = { id: string; title: string; evaluate: (f: HostForensicFacts, now: Date) => Hit | null };

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
  title: "KMS host name hands out more than one ePID",
  evaluate: (f, now) => {
    const byFamily = families(recent(f, now)).map((family) => recent(f, now).filter((s) => s.family === family));
    const churned = byFamily.filter((served) => served.length > 1);
    if (churned.length === 0) return null;
    const all = churned.flat().sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt));
    const decoded = all.map((s) => decodeEpid(s.epid, now));
    const sameKey = decoded.slice(1).every((d) => sameKeyOtherInstall(decoded[0] ?? null, d));
    return {
      severity: all.length >= 3 ? "critical" : "warning",
      cause:
        `Within 30 days, clients received ${all.length} different ePIDs from ${f.host} for the same product family. ` +
        "A genuine KMS host keeps one ePID per host key. " +
        (sameKey
          ? "They share the host key and differ only in the activation day: the same key installed twice, as on a copied or restored host VM answering beside the original (or a host reinstalled within the month)."
          : "They come from different keys: an emulator that randomises its ePID (py-kms, vlmcsd), or two machines answering under one name (stale or hijacked _vlmcs._tcp record, DNS).") +
        " If you re-keyed or reinstalled this host within the month, this is expected and clears within 30 days.",
      fix:
        `Find every machine answering as ${f.host}: \`nslookup -type=srv _vlmcs._tcp.<domain>\` and \`nslookup ${f.host}\` from the affected sites, ` +
        "compare the IPs below with the real host's, then ask each machine for its own ePID (`slmgr.vbs /dlv` on it). " +
        "Remove the records that do not lead to the real host; on the clients run `slmgr.vbs /skms <real host>:1688` and `slmgr.vbs /ato`.",
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
  title: "Clients got another ePID than the host reports: something else answers under its name",
  evaluate: (f, now) => {
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
      cause:
        `The agent on ${f.host} reports its ePID ${ownEpid}, but ${foreign.reduce((n, s) => n + s.clients, 0)} client(s) received ` +
        `${foreign.map((s) => s.epid).join(", ")} under the same name: another machine answered them. ` +
        (copied
          ? "Same host key, other activation day: a copy of this host's VM (or a restored backup) is running and answering."
          : "Another host key: a stale or hijacked _vlmcs._tcp record or DNS entry leads these clients to a machine you did not expect."),
      fix:
        `Locate the machine at ${ips.length > 0 ? ips.join(", ") : "the address these clients resolve for the name"} and shut its KMS service down ` +
        `(\`slmgr.vbs /dlv\` on it shows the ePID; a copied VM must be deleted or re-keyed). Fix the DNS/SRV records so ${f.host} leads to the real host, ` +
        "then on the listed clients run `slmgr.vbs /ato` to re-activate against it.",
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
  title: "KMS host ePID that a genuine host could not have",
  evaluate: (f, now) => {
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
      cause:
        `${findings.length} part(s) of the ePIDs seen for ${f.host} contradict what a genuine host produces or what the host reports about itself. ` +
        "Emulators generate ePIDs from tables or at random, and get details wrong. The ePID layout is community knowledge, not documented by Microsoft: check before acting.",
      fix:
        `Ask the machine answering as ${f.host} for its own ePID (\`slmgr.vbs /dlv\`) and build (\`winver\`); if it is not a Windows KMS host you run, ` +
        "remove its _vlmcs._tcp record and re-activate its clients against an approved host (`slmgr.vbs /skms <host>:1688`, `slmgr.vbs /ato`).",
      evidence: { problems: list(findings.map((x) => x.message)), malformed: findings.some((x) => x.malformed), hostBuild: f.osBuild },
      since: since(served),
    };
  },
};

const unknownHost: ForensicRule = {
  id: "host-epid-unknown-activator",
  title: "Unknown KMS host activating clients",
  evaluate: (f, now) => {
    if (f.machineId !== null || f.approved !== false || f.clientsReporting === 0) return null;
    return {
      severity: "critical",
      cause:
        `${f.host} runs no kmswatch agent and is not on the approved list, yet ${f.clientsReporting} client(s) report it as their KMS host` +
        (f.served.length > 0
          ? ` and ${f.activatedClients} were activated by it, with the ePID(s) shown.`
          : "; none has reported the ePID it received yet."),
      fix:
        `If ${f.host} is yours, install the agent on it and approve it; otherwise remove its _vlmcs._tcp record, stop it publishing ` +
        "(`slmgr.vbs /cdns` on it), and on its clients run `slmgr.vbs /ckms`, `slmgr.vbs /skms <approved-host>:1688`, `slmgr.vbs /ato`.",
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
    const hit = rule.evaluate(f, now);
    return hit ? [{ ...hit, ruleId: rule.id, title: rule.title, subject: { kind: "host", host: f.host, machineId: f.machineId } }] : [];
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
