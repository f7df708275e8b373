// Truth table of the rogue-host forensics: situation -> verdict and signals, and the words each fix must carry.
import { describe, expect, it } from "vitest";
import { diagnoseHostForensics } from "./forensicRules";
import type { HostForensicFacts, ServedEpid } from "./forensicTypes";
import { BAD_EPID, COPY_EPID, daysAgo, genuineHost, HOST_EPID, NOW, OTHER_EPID, servedEpid } from "../../../tests/support/forensicFacts";

/** Three clients licensed by the ePID, two of them named in the sample. */
const served = (epid: string, extra: Partial<ServedEpid> = {}): ServedEpid =>
  servedEpid(epid, { clients: 3, licensedClients: 3, clientSample: ["ws-0001.corp.contoso.com", "ws-0002.corp.contoso.com"], ...extra });
const genuine = genuineHost("kms01.corp.contoso.com", "m-1", served(HOST_EPID));
const unknownHost: HostForensicFacts = { ...genuine, host: "kms-rogue.lab", machineId: null, approved: false, osBuild: null, ownEpids: [] };

const table: [string, HostForensicFacts, string, string[]][] = [
  ["genuine host, clients got its ePID", genuine, "genuine", []],
  ["host with an agent and no client report yet", { ...genuine, served: [] }, "no-evidence", []],
  [
    "impostor under the real name at one site",
    { ...genuine, served: [served(HOST_EPID), served(OTHER_EPID, { ips: ["10.77.0.5"], clientSample: ["ws-site2.corp"] })] },
    "impostor",
    ["host-epid-impostor", "host-epid-churn"],
  ],
  [
    "copied host VM (same key, other activation day)",
    { ...genuine, served: [served(HOST_EPID), served(COPY_EPID, { ips: ["10.40.0.9"] })] },
    "impostor",
    ["host-epid-impostor", "host-epid-churn"],
  ],
  [
    "emulator with random ePIDs, no agent, not approved",
    { ...unknownHost, served: [served(OTHER_EPID), served(HOST_EPID), served(COPY_EPID)] },
    "emulator",
    ["host-epid-churn", "host-epid-unknown-activator"],
  ],
  [
    "emulator with an impossible ePID",
    { ...unknownHost, served: [served(BAD_EPID)] },
    "emulator",
    ["host-epid-implausible", "host-epid-unknown-activator"],
  ],
  ["unknown host with a plausible ePID", { ...unknownHost, served: [served(OTHER_EPID)] }, "suspicious", ["host-epid-unknown-activator"]],
  ["unknown host while no approved list exists", { ...unknownHost, approved: null, served: [served(OTHER_EPID)] }, "genuine", []],
  [
    "old ePID outside the 30-day window is history, not churn",
    { ...genuine, served: [served(OTHER_EPID, { lastSeenAt: daysAgo(45) }), served(HOST_EPID)] },
    "genuine",
    [],
  ],
  [
    "host re-keyed 10 days ago: clients had its old ePID until then (churn only, no impostor)",
    {
      ...genuine,
      ownEpids: [{ family: "windows", epid: HOST_EPID, since: daysAgo(10) }],
      served: [served(OTHER_EPID, { lastSeenAt: daysAgo(11) }), served(HOST_EPID, { firstSeenAt: daysAgo(10) })],
    },
    "suspicious",
    ["host-epid-churn"],
  ],
  [
    "host's agent build contradicts the ePID it serves",
    { ...genuine, osBuild: 17763, ownEpids: [] },
    "suspicious",
    ["host-epid-implausible"],
  ],
];

describe("rogue-host forensics truth table", () => {
  it.each(table)("%s", (_name, facts, verdict, ruleIds) => {
    const result = diagnoseHostForensics(facts, NOW);
    expect(result.verdict).toBe(verdict);
    expect(result.signals.map((s) => s.ruleId).sort()).toEqual([...ruleIds].sort());
    for (const s of result.signals) expect(s.subject).toEqual({ kind: "host", host: facts.host, machineId: facts.machineId });
  });

  it("names the clients and the IPs an impostor reached, and says which parts differ", () => {
    const facts = { ...genuine, served: [served(HOST_EPID), served(OTHER_EPID, { ips: ["10.77.0.5"], clientSample: ["ws-site2.corp"] })] };
    const signal = diagnoseHostForensics(facts, NOW).signals.find((s) => s.ruleId === "host-epid-impostor");
    expect(signal?.evidence).toMatchObject({
      hostOwnEpid: HOST_EPID,
      clients: "ws-site2.corp",
      ipsReached: "10.77.0.5",
      copiedHostVm: false,
    });
    expect(signal?.evidence.differingParts).toBe("serial, activatedOn");
    expect(signal?.fix).toContain("10.77.0.5");
    expect(signal?.cause).toContain("Another host key");
  });

  it("tells a copied host VM from another key", () => {
    const facts = { ...genuine, served: [served(HOST_EPID), served(COPY_EPID)] };
    const signals = diagnoseHostForensics(facts, NOW).signals;
    expect(signals.find((s) => s.ruleId === "host-epid-impostor")?.evidence.copiedHostVm).toBe(true);
    expect(signals.find((s) => s.ruleId === "host-epid-impostor")?.cause).toContain("copy of this host's VM");
    expect(signals.find((s) => s.ruleId === "host-epid-churn")?.evidence.sameHostKey).toBe(true);
  });

  it("gives the unknown activator's ePIDs and activation count, and a fix that removes the record", () => {
    const signal = diagnoseHostForensics({ ...unknownHost, served: [served(OTHER_EPID, { licensedClients: 2 })], activatedClients: 2 }, NOW)
      .signals[0];
    expect(signal?.evidence).toMatchObject({ clientsReporting: 3, activatedClients: 2 });
    expect(String(signal?.evidence.epids)).toContain(OTHER_EPID);
    expect(signal?.fix).toContain("_vlmcs._tcp");
    expect(signal?.fix).not.toContain("slmgr.vbs /rearm");
  });

  it("explains an implausible ePID part by part", () => {
    const signal = diagnoseHostForensics({ ...unknownHost, served: [served(BAD_EPID)] }, NOW).signals.find(
      (s) => s.ruleId === "host-epid-implausible",
    );
    expect(String(signal?.evidence.problems)).toContain("before build 17763 was released");
    expect(signal?.cause).toContain("community knowledge");
  });
});
