// The ePID scenarios, end to end without a database: the simulated agents' CIM goes through the real parser, the
// ePIDs each host name served are gathered the way ingest keeps them, and the forensic rules must give each
// scenario host its verdict (what the demo fleet shows on /audit).
import { describe, expect, it } from "vitest";
import { parseCim } from "@/lib/ingest/parse/cim";
import { diagnoseHostForensics } from "@/lib/evaluate/rules";
import type { HostForensicFacts, ServedEpid } from "@/lib/evaluate/rules/forensicTypes";
import { buildFromVersion } from "@/lib/kms/epid";
import { simulateTestFleet } from "@/tests/support/simulatorFixtures";
import { snapshotArtifacts } from "../ingest";
import { epidScenarioNames } from "../types";
import { EMULATOR_HOST_DNS } from "./epid";

const END = Date.parse("2026-12-01T12:00:00Z");
const result = simulateTestFleet(END, ["healthy", ...epidScenarioNames]);

function forensicFacts(): HostForensicFacts[] {
  const served = new Map<string, Map<string, ServedEpid & { set: Set<string> }>>();
  const own = new Map<string, { epid: string; build: number | null }>();
  for (const [id, checkins] of result.checkins) {
    for (const c of checkins) {
      const cim = snapshotArtifacts(result.fleet, c).find((a) => a.type === "cim");
      const parsed = cim && cim.type === "cim" ? parseCim(cim) : null;
      if (!parsed?.ok) continue;
      for (const p of parsed.value) {
        if (p.isKmsHost && p.extendedPid) own.set(id, { epid: p.extendedPid, build: buildFromVersion(p.serviceVersion) });
        if (p.isKmsHost || !p.kmsHost || !p.kmsHostExtendedPid) continue;
        const byEpid = served.get(p.kmsHost) ?? new Map();
        served.set(p.kmsHost, byEpid);
        const at = new Date(c.at).toISOString();
        const row = byEpid.get(p.kmsHostExtendedPid) ?? {
          family: "windows",
          epid: p.kmsHostExtendedPid,
          clients: 0,
          licensedClients: 0,
          firstSeenAt: at,
          lastSeenAt: at,
          ips: [],
          clientSample: [],
          set: new Set<string>(),
        };
        row.set.add(id);
        row.clients = row.set.size;
        row.licensedClients = row.set.size;
        row.lastSeenAt = at;
        if (p.kmsHostIp && !row.ips.includes(p.kmsHostIp)) row.ips.push(p.kmsHostIp);
        byEpid.set(p.kmsHostExtendedPid, row);
      }
    }
  }
  return [...served.entries()].map(([host, byEpid]) => {
    const agent = result.fleet.hosts.find((h) => h.hasAgent && h.dnsName === host);
    const mine = agent ? own.get(agent.id) : undefined;
    const rows = [...byEpid.values()].map(({ set, ...row }) => ({ ...row, clientSample: [...set].sort().slice(0, 20) }));
    return {
      host,
      machineId: agent?.id ?? null,
      approved: result.fleet.approvedHosts.includes(host),
      osBuild: mine?.build ?? null,
      ownEpids: mine ? [{ family: "windows", epid: mine.epid, since: null }] : [],
      served: rows,
      clientsReporting: new Set(rows.flatMap((r) => r.clientSample)).size,
      activatedClients: new Set(rows.flatMap((r) => r.clientSample)).size,
    };
  });
}

describe("ePID forensics scenarios", () => {
  const verdicts = new Map(forensicFacts().map((f) => [f.host, { facts: f, ...diagnoseHostForensics(f, new Date(END)) }]));
  const [first, last] = [result.fleet.hosts[0], result.fleet.hosts[1]];

  it("an emulator with random ePIDs is an emulator, with churn and an impossible ePID", () => {
    const emu = verdicts.get(EMULATOR_HOST_DNS);
    expect(emu?.verdict).toBe("emulator");
    expect(emu?.signals.map((s) => s.ruleId).sort()).toEqual(["host-epid-churn", "host-epid-implausible", "host-epid-unknown-activator"]);
    expect(emu?.facts.served.length).toBeGreaterThan(3);
  });

  it("the first corp host has an impostor at site2 and the last one a copied VM at the DR site", () => {
    const imp = verdicts.get(first?.dnsName ?? "");
    expect(imp?.verdict).toBe("impostor");
    const impSignal = imp?.signals.find((s) => s.ruleId === "host-epid-impostor");
    expect(impSignal?.evidence).toMatchObject({ ipsReached: "10.77.0.5", copiedHostVm: false });
    expect(String(impSignal?.evidence.clients)).toContain("ws-s2-0001.site2.contoso.com");
    const cpy = verdicts.get(last?.dnsName ?? "");
    expect(cpy?.verdict).toBe("impostor");
    expect(cpy?.signals.find((s) => s.ruleId === "host-epid-impostor")?.evidence).toMatchObject({
      ipsReached: "10.40.0.9",
      copiedHostVm: true,
    });
  });
});
