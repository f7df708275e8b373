// Truth table of the forensic findings the alerts keep: situation -> machine -> the rule and severity it carries.
import { describe, expect, it } from "vitest";
import { client } from "../../../tests/support/diagnosisFacts";
import { BAD_EPID, daysAgo, genuineHost, HOST_EPID, NOW, OTHER_EPID, servedEpid } from "../../../tests/support/forensicFacts";
import { diagnoseClient } from "./index";
import { CLIENT_EMULATOR_RULE, forensicFindings, type ReceivedEpid, withKmsHostEpids } from "./forensicFindings";
import type { HostForensicFacts } from "./forensicTypes";

const EMU2_EPID = "06401-00206-271-123456-03-1033-9600.0000-0102019";
const host = genuineHost("kms01.corp", "m-kms01", servedEpid(HOST_EPID));
const emulator: HostForensicFacts = {
  ...host,
  host: "kms-rogue.lab",
  machineId: null,
  approved: false,
  osBuild: null,
  ownEpids: [],
  served: [servedEpid(OTHER_EPID), servedEpid(EMU2_EPID, { clientSample: ["ws-2.corp"] })],
  clientsReporting: 2,
  activatedClients: 2,
};
const got = (clientName: string, hostName: string, epid: string, lastSeen = 1): ReceivedEpid => ({
  client: clientName,
  family: "windows",
  host: hostName,
  epid,
  ip: "10.77.0.5",
  licensed: true,
  firstSeenAt: daysAgo(20),
  lastSeenAt: daysAgo(lastSeen),
});
const scope = {
  hostMachines: new Map([["m-kms01", "kms01.corp"]]),
  clients: new Map([
    ["ws-1.corp", { machineId: "m-ws1", fqdn: "WS-1.corp" }],
    ["ws-2.corp", { machineId: "m-ws2", fqdn: "ws-2.corp" }],
  ]),
};
const found = (hosts: HostForensicFacts[], received: ReceivedEpid[], s = scope) =>
  forensicFindings(hosts, received, s, NOW).map((f) => [f.subject.machineId, f.ruleId, f.severity]);

describe("forensic findings: which machine carries which signal", () => {
  it.each<[string, HostForensicFacts[], ReceivedEpid[], (string | null)[][]]>([
    ["genuine host, clients hold its ePID", [host], [got("ws-1.corp", "kms01.corp", HOST_EPID)], []],
    [
      "impostor under the host's name: on the host only (its evidence names the clients)",
      [{ ...host, served: [servedEpid(HOST_EPID), servedEpid(OTHER_EPID)] }],
      [got("ws-1.corp", "kms01.corp", OTHER_EPID)],
      [
        ["m-kms01", "host-epid-impostor", "critical"],
        ["m-kms01", "host-epid-churn", "warning"],
      ],
    ],
    [
      "host's own ePID implausible: a warning on the host",
      [{ ...host, ownEpids: [{ family: "windows", epid: BAD_EPID, since: daysAgo(300) }], served: [] }],
      [],
      [["m-kms01", "host-epid-implausible", "warning"]],
    ],
    [
      "emulator outside the approved list: each client it activates, critical",
      [emulator],
      [got("ws-1.corp", "kms-rogue.lab", OTHER_EPID), got("ws-2.corp", "kms-rogue.lab", EMU2_EPID)],
      [
        ["m-ws1", CLIENT_EMULATOR_RULE, "critical"],
        ["m-ws2", CLIENT_EMULATOR_RULE, "critical"],
      ],
    ],
    [
      "approved name with one impossible ePID and no agent: a warning on its client",
      [{ ...emulator, approved: true, served: [servedEpid(BAD_EPID)] }],
      [got("ws-1.corp", "kms-rogue.lab", BAD_EPID)],
      [["m-ws1", CLIENT_EMULATOR_RULE, "warning"]],
    ],
    [
      "unknown activator with a plausible ePID: no emulator finding (client-unapproved-host carries it)",
      [{ ...emulator, served: [servedEpid(OTHER_EPID)] }],
      [got("ws-1.corp", "kms-rogue.lab", OTHER_EPID)],
      [],
    ],
    ["emulator the client left 31 days ago: aged out", [emulator], [got("ws-1.corp", "kms-rogue.lab", OTHER_EPID, 31)], []],
    ["emulator's client outside the evaluated scope: nothing for it", [emulator], [got("ws-9.corp", "kms-rogue.lab", OTHER_EPID)], []],
  ])("%s", (_situation, hosts, received, expected) => {
    expect(found(hosts, received)).toEqual(expected);
  });

  it("a host outside the evaluated scope gets no finding; one known by two names gets one per rule", () => {
    const imp = { ...host, served: [servedEpid(HOST_EPID), servedEpid(OTHER_EPID)] };
    expect(found([imp], [], { ...scope, hostMachines: new Map() })).toEqual([]);
    expect(found([imp, { ...imp, host: "kms01" }], []).filter(([, rule]) => rule === "host-epid-impostor")).toHaveLength(1);
  });

  it("the client's finding names the host, the ePID it holds and what to run", () => {
    const [emu] = forensicFindings([emulator], [got("ws-1.corp", "kms-rogue.lab", OTHER_EPID)], scope, NOW);
    expect(emu?.evidence).toMatchObject({
      kmsHost: "kms-rogue.lab",
      receivedEpid: OTHER_EPID,
      hostActivatedClients: 2,
      hostDistinctEpids: 2,
    });
    expect(emu?.subject.fqdn).toBe("WS-1.corp");
    expect(emu?.fix).toContain("slmgr.vbs /skms <approved-host>:1688");
  });
});

describe("client-unapproved-host carries the ePID the client received", () => {
  it("adds the ePID and the host's activation count to the evidence", () => {
    const facts = client({ fqdn: "WS-1.corp", kmsHost: "KMS-Rogue.lab:1688", kmsHostApproved: false });
    const [withEpid] = withKmsHostEpids([facts], [emulator], [got("ws-1.corp", "kms-rogue.lab", OTHER_EPID)]);
    const finding = diagnoseClient(withEpid ?? facts, NOW).find((f) => f.ruleId === "client-unapproved-host");
    expect(finding?.evidence).toMatchObject({ receivedEpid: OTHER_EPID, hostActivatedClients: 2 });
  });
  it("says nothing of an ePID from another host", () => {
    const facts = client({ fqdn: "ws-1.corp", kmsHost: "kms-rogue.lab", kmsHostApproved: false });
    const [same] = withKmsHostEpids([facts], [emulator], [got("ws-1.corp", "kms01.corp", HOST_EPID)]);
    const finding = diagnoseClient(same ?? facts, NOW).find((f) => f.ruleId === "client-unapproved-host");
    expect(finding?.evidence).toMatchObject({ receivedEpid: null, hostActivatedClients: null });
  });
});
