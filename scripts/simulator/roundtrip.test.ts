// The project's own parsers must read the simulator's output back to the values it was rendered from.
import { describe, expect, it } from "vitest";
import { parseDlv } from "../../lib/ingest/parse/dlv";
import { parseEventXml } from "../../lib/ingest/parse/eventXml";
import { licenseStatusFromCode } from "../../lib/kms/parsed";
import { PRODUCTS } from "./constants";
import { simulateTestFleet } from "../../tests/support/simulatorFixtures";
import { machineById } from "./fleet";
import { hex8 } from "./format";
import { checkinBodies } from "./ingest";
import { scenarioNames, type Checkin, type SimEvent } from "./types";

const result = simulateTestFleet(Date.parse("2024-06-01T12:00:00Z"), [...scenarioNames]);
// The last check-in of every machine covers every kind of snapshot; events come from all check-ins.
const lastCheckins: Checkin[] = [...result.checkins.values()].map((l) => l[l.length - 1]!);

function expectedEventFields(e: SimEvent) {
  const base = { eventId: e.eventId, recordId: e.recordId, computer: e.computer, hresult: hex8(e.hr) };
  switch (e.eventId) {
    case 12288:
      return {
        ...base,
        status: hex8(e.status),
        kmsHost: e.server,
        kmsPort: e.port,
        cmid: e.cmid,
        isVm: e.isVm,
        licenseStatus: licenseStatusFromCode(e.licenseStatus),
        minutesToExpiry: e.minutesToExpiry,
        activationId: e.actId,
        minCount: e.minCount,
      };
    case 12289:
      return {
        ...base,
        status: hex8(e.status),
        activated: e.activated,
        hostCurrentCount: e.count,
        activationIntervalMin: e.activationInterval,
        renewalIntervalMin: e.renewalInterval,
      };
    case 12290:
      return {
        ...base,
        minCount: e.minCount,
        clientFqdn: e.clientFqdn,
        cmid: e.cmid,
        isVm: e.isVm,
        licenseStatus: licenseStatusFromCode(e.licenseStatus),
        minutesToExpiry: e.minutesToExpiry,
        activationId: e.actId,
      };
    case 12293:
      return { ...base, domain: e.domain };
  }
}

describe("parsers read the simulator output back", () => {
  it("parseDlv returns the rendered values", async () => {
    for (const checkin of lastCheckins) {
      const m = machineById(result.fleet, checkin.machineId);
      const bodies = checkinBodies(result.fleet, checkin);
      const dlv = bodies.flatMap((b) => b.artifacts).find((a) => a.type === "dlv");
      if (dlv?.type !== "dlv") throw new Error("no dlv artifact");
      const parsed = parseDlv(dlv.text);
      if (!parsed.ok) throw new Error(`${m.fqdn}: ${parsed.error.message}`);
      expect(parsed.value).toHaveLength(1);
      const p = parsed.value[0]!;
      const s = checkin.snapshot;
      expect(p.licenseStatus, m.fqdn).toBe(
        licenseStatusFromCode(s.kind === "client" ? s.licenseStatus : m.kind === "host" && m.licensed ? 1 : 5),
      );
      expect(p.partialProductKey).toBe(m.partialKey);
      expect(p.extendedPid).toBe(m.epid);
      expect(p.isKmsHost).toBe(m.kind === "host");
      if (m.kind === "host" && s.kind === "host") {
        expect(p.currentCount).toBe(s.count);
        expect(p.totalRequests).toBe(s.counters.total);
        expect(p.failedRequests).toBe(s.counters.failed);
        expect(p.activationId).toBe(PRODUCTS.server.actId);
      } else if (m.kind === "client" && s.kind === "client") {
        expect(p.activationId).toBe(PRODUCTS[m.product].actId);
        expect(p.productKeyChannel).toBe(m.channel === "mak" ? "Volume:MAK" : "Volume:GVLK");
        if (s.licenseStatus === 1 && m.channel === "kms") {
          expect(p.cmid).toBe(m.cmid);
          expect(p.graceRemainingMin).toBe(s.remainingMin);
          const host = result.fleet.hosts.find((h) => h.id === s.lastActivation?.hostId);
          expect(p.kmsHost).toBe(host?.dnsName);
          expect(p.kmsPort).toBe(1688);
          expect(p.kmsHostSource).toBe(m.hostSource);
        }
      }
    }
  });

  it("parseEventXml returns every event with its fields", async () => {
    let total = 0;
    for (const list of result.checkins.values()) {
      for (const checkin of list.slice(-1)) {
        const artifacts = checkinBodies(result.fleet, checkin).flatMap((b) => b.artifacts);
        const parsed = artifacts.flatMap((a) => {
          if (a.type !== "events") return [];
          const r = parseEventXml(a.xml);
          if (!r.ok) throw new Error(r.error.message);
          return r.value;
        });
        expect(parsed).toHaveLength(checkin.events.length);
        // Artifacts group events by log, so match parsed events to simulated ones by log and record ID.
        const byKey = new Map(checkin.events.map((e) => [`${e.eventId === 12290}:${e.recordId}`, e]));
        for (const item of parsed) {
          if (!item.ok) throw new Error(item.error);
          const e = byKey.get(`${item.event.eventId === 12290}:${item.event.recordId}`);
          if (!e) throw new Error(`unexpected event ${item.event.eventId} #${item.event.recordId}`);
          expect(item.event).toMatchObject(expectedEventFields(e));
          expect(Date.parse(item.event.timeCreated ?? "")).toBe(e.time);
          total++;
        }
      }
    }
    expect(total).toBeGreaterThan(300);
  }, 30_000);
});
