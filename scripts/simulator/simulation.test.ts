import { describe, expect, it } from "vitest";
import { DAY, HR, LS } from "./constants";
import { simulate } from "./engine";
import { buildFleet } from "./fleet";
import { checkinBodies } from "./ingest";
import { hostCount, type HostState } from "./kmsHost";
import { renderEvents } from "./renderEvents";
import type { Checkin, FleetOptions, HostSnapshot, ScenarioName, SimEvent, SimulationResult } from "./types";
import { DIAGNOSIS_SCENARIOS } from "../../tests/support/scenarios";

const END = Date.parse("2024-06-01T12:00:00Z");
const run = (o: Partial<FleetOptions> & { scenarios: ScenarioName[] }): SimulationResult =>
  simulate(buildFleet({ hosts: 2, clients: 120, days: 45, seed: 7, end: END, ...o }));

const events = (r: SimulationResult, pred: (id: string) => boolean): SimEvent[] =>
  [...r.checkins.entries()].filter(([id]) => pred(id)).flatMap(([, l]) => l.flatMap((c) => c.events));
const lastCheckin = (r: SimulationResult, id: string): Checkin => {
  const list = r.checkins.get(id);
  if (!list?.length) throw new Error(`no check-in for ${id}`);
  return list[list.length - 1]!;
};
const bodiesText = (r: SimulationResult, id: string) => JSON.stringify(r.checkins.get(id)!.flatMap((c) => checkinBodies(r.fleet, c)));

describe("determinism", () => {
  it("produces identical request bodies for the same seed and different ones for another seed", () => {
    const bodies = (seed: number) => {
      const r = simulate(buildFleet({ hosts: 1, clients: 20, days: 10, seed, end: END, scenarios: ["healthy", "low-count"] }));
      return JSON.stringify([...r.checkins.values()].flatMap((l) => l.flatMap((c) => checkinBodies(r.fleet, c))));
    };
    expect(bodies(42)).toBe(bodies(42));
    expect(bodies(42)).not.toBe(bodies(43));
  });
});

describe("host count", () => {
  const distinctCmids = (r: SimulationResult, hostId: string, t: number) =>
    new Set(
      events(r, (id) => id === hostId)
        .filter((e) => e.eventId === 12290 && e.time > t - 30 * DAY && e.time <= t)
        .map((e) => (e.eventId === 12290 ? e.cmid : "")),
    ).size;

  it.each([
    ["below the cap", { hosts: 2, clients: 20 }],
    ["capped at 50", { hosts: 1, clients: 200 }],
  ])("equals the distinct CMIDs of the last 30 days (%s)", (_label, size) => {
    const r = run({ ...size, scenarios: ["healthy"] });
    const start = r.fleet.start;
    for (const host of r.fleet.hosts) {
      // Only snapshots with a full 30 days of reported 12290 history can be recomputed from the events.
      const checked = r.checkins.get(host.id)!.filter((c) => c.at >= start + 30 * DAY + 60_000);
      expect(checked.length).toBeGreaterThan(5);
      for (const c of checked) {
        const snap = c.snapshot as HostSnapshot;
        expect(snap.count).toBe(Math.min(50, distinctCmids(r, host.id, c.at)));
      }
    }
  });

  it("is capped at 10 when only servers were seen", () => {
    const host = buildFleet({ hosts: 1, clients: 0, days: 1, seed: 1, end: END, scenarios: [] }).hosts[0]!;
    const hs: HostState = { host, cache: new Map(), maxPolicy: 5, counters: host.counters, recordKms: 0, recordApp: 0 };
    for (let i = 0; i < 30; i++) hs.cache.set(`cmid-${i}`, END - i * 1000);
    expect(hostCount(hs, END)).toBe(10);
    hs.maxPolicy = 25;
    expect(hostCount(hs, END)).toBe(30);
    expect(hostCount(hs, END + 31 * DAY)).toBe(0);
  });
});

describe("healthy", () => {
  const r = run({ scenarios: ["healthy"] });
  it("keeps every client licensed with successful weekly renewals", () => {
    for (const c of r.fleet.clients.filter((x) => x.hasAgent)) {
      const snap = lastCheckin(r, c.id).snapshot;
      expect(snap.kind === "client" && snap.licenseStatus).toBe(LS.Licensed);
    }
    const responses = events(r, () => true).filter((e) => e.eventId === 12289);
    expect(responses.length).toBeGreaterThan(100);
    expect(responses.every((e) => e.eventId === 12289 && e.activated)).toBe(true);
  });
  it("numbers records upwards per machine and log, and keeps bodies small", () => {
    for (const [id, list] of r.checkins) {
      const seen = new Map<string, number>();
      for (const e of list.flatMap((c) => c.events)) {
        const log = e.eventId === 12290 ? "kms" : "app";
        expect(e.recordId, id).toBeGreaterThan(seen.get(log) ?? 0);
        seen.set(log, e.recordId);
      }
      for (const b of list.flatMap((c) => checkinBodies(r.fleet, c))) expect(JSON.stringify(b).length).toBeLessThan(1_000_000);
    }
  });
});

describe("scenarios", () => {
  it("duplicate-cmid: 40 VDI clones share 2 CMIDs and their host's count stays at 2", () => {
    const r = run({ scenarios: ["duplicate-cmid"] });
    const clones = r.fleet.clients.filter((c) => c.hostname.startsWith("VDI-POOL-"));
    expect(clones).toHaveLength(40);
    expect(new Set(clones.map((c) => c.cmid)).size).toBe(2);
    const counts = r.checkins.get("kms-vdi01.vdi.corp.contoso.com")!.map((c) => (c.snapshot as HostSnapshot).count);
    expect(Math.max(...counts)).toBe(2);
    const refused = events(r, (id) => id.startsWith("kms-vdi01")).filter((e) => e.eventId === 12290 && e.hr === HR.INSUFFICIENT_COUNT);
    expect(refused.length).toBeGreaterThan(40);
  });

  it("low-count: 12 branch clients get 0xC004F038 in 12290, 12289 not activated, stay in grace", () => {
    const r = run({ scenarios: ["low-count"] });
    const branch = r.fleet.clients.filter((c) => c.fqdn.endsWith("branch.contoso.com"));
    expect(branch).toHaveLength(12);
    expect((lastCheckin(r, "kms-br2.branch.contoso.com").snapshot as HostSnapshot).count).toBe(12);
    const hostEvents = events(r, (id) => id === "kms-br2.branch.contoso.com").filter((e) => e.eventId === 12290);
    expect(new Set(hostEvents.map((e) => e.eventId === 12290 && e.cmid)).size).toBe(12);
    expect(hostEvents.every((e) => e.hr === HR.INSUFFICIENT_COUNT)).toBe(true);
    for (const c of branch) {
      const responses = events(r, (id) => id === c.id).filter((e) => e.eventId === 12289);
      expect(responses.length).toBeGreaterThan(0);
      expect(responses.every((e) => e.eventId === 12289 && !e.activated && e.status === 0x04000008)).toBe(true);
      const snap = lastCheckin(r, c.id).snapshot;
      expect(snap.kind === "client" && snap.licenseStatus).toBe(LS.OOBGrace);
    }
    expect(bodiesText(r, branch[0]!.id)).toContain("0x00000000, 0x04000008, 0, 0, 12, 120, 10080");
    expect(bodiesText(r, "kms-br2.branch.contoso.com")).toContain("<Data>0xC004F038</Data>");
  });

  it("firewall: 12288 with 0x800706BA and no 12289 or host event", () => {
    const r = run({ scenarios: ["firewall"] });
    const lab = r.fleet.clients.filter((c) => c.hostname.startsWith("WS-LAB-"));
    expect(lab.length).toBeGreaterThan(0);
    const labIds = new Set(lab.map((c) => c.id));
    const labEvents = events(r, (id) => labIds.has(id));
    expect(labEvents.length).toBeGreaterThan(0);
    expect(labEvents.every((e) => e.eventId === 12288 && e.hr === HR.RPC_UNAVAILABLE)).toBe(true);
    const labCmids = new Set(lab.map((c) => c.cmid));
    expect(events(r, (id) => id.startsWith("kms")).some((e) => e.eventId === 12290 && labCmids.has(e.cmid))).toBe(false);
    expect(bodiesText(r, lab[0]!.id)).toContain("0x800706BA, 0x00000000, kms01.corp.contoso.com:1688");
  });

  it("dns-publish-failure: a host logs 12293 with 0x80072338", () => {
    const r = run({ scenarios: ["dns-publish-failure"] });
    const published = events(r, () => true).filter((e) => e.eventId === 12293);
    expect(published.length).toBeGreaterThanOrEqual(40);
    const xml = renderEvents(published.slice(0, 1));
    expect(xml).toContain("<EventID Qualifiers='16384'>12293</EventID>");
    expect(xml).toContain("<Data>0x80072338</Data><Data>corp.contoso.com</Data>");
  });

  it("mak-clients: VOLUME_MAK / Volume:MAK /dlv and no KMS events", () => {
    const r = run({ scenarios: ["mak-clients"] });
    const mak = r.fleet.clients.filter((c) => c.channel === "mak");
    expect(mak).toHaveLength(25);
    const text = bodiesText(r, mak[0]!.id);
    expect(text).toContain("Description: Windows(R) Operating System, VOLUME_MAK channel");
    expect(text).toContain("Product Key Channel: Volume:MAK");
    expect(events(r, (id) => mak.some((c) => c.id === id))).toHaveLength(0);
  });

  it("host-unlicensed: KMS-OLD is in Notification and its clients get 0xC004F041", () => {
    const r = run({ scenarios: ["host-unlicensed"] });
    const host = bodiesText(r, "kms-old.corp.contoso.com");
    expect(host).toContain("License Status: Notification\\r\\nNotification Reason: 0xC004F009 (grace time expired).");
    expect(host).toContain("Current count: 0");
    const pinned = r.fleet.clients.filter((c) => c.hostname.startsWith("WS-OLD-"));
    expect(pinned).toHaveLength(10);
    const responses = events(r, (id) => pinned.some((c) => c.id === id)).filter((e) => e.eventId === 12289);
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.every((e) => e.hr === HR.HOST_NOT_ACTIVATED)).toBe(true);
    expect(events(r, (id) => id.startsWith("kms-old")).every((e) => e.hr === HR.HOST_NOT_ACTIVATED)).toBe(true);
    expect(bodiesText(r, pinned[0]!.id)).toContain("Registered KMS machine name: kms-old.corp.contoso.com:1688");
  });

  it("rogue-host: some clients name a host that is not approved", () => {
    const r = run({ scenarios: ["rogue-host"] });
    const rogue = "kms-rogue.lab.contoso.com";
    expect(r.fleet.approvedHosts).not.toContain(rogue);
    expect(r.checkins.has(rogue)).toBe(false);
    const victims = r.fleet.clients.filter((c) => c.hostId === rogue);
    expect(victims).toHaveLength(20);
    const text = bodiesText(r, victims[0]!.id);
    expect(text).toContain(`KMS machine name from DNS: ${rogue}:1688`);
    expect(text).toContain(`0x00000000, 0x00000000, ${rogue}:1688`);
  });

  it("combines all scenarios in one fleet", () => {
    const r = run({
      clients: 500,
      hosts: 3,
      scenarios: DIAGNOSIS_SCENARIOS,
    });
    expect(r.fleet.clients.filter((c) => c.hasAgent)).toHaveLength(500);
    expect(r.fleet.hosts.map((h) => h.hostname)).toEqual(["KMS01", "KMS02", "KMS03", "KMS-VDI01", "KMS-ROGUE", "KMS-BR2", "KMS-OLD"]);
    expect(events(r, (id) => id === "kms-br2.branch.contoso.com").some((e) => e.eventId === 12293)).toBe(true);
  });
});
