import { describe, expect, it } from "vitest";
import { diagnoseHost } from "./index";
import { findingSchema, type HostFacts } from "./types";
import { ago, DAY, NOW, host } from "../../../tests/support/diagnosisFacts";

const fired = (f: HostFacts, now = NOW) => diagnoseHost(f, now);
const find = (f: HostFacts, id: string, now = NOW) => fired(f, now).find((x) => x.ruleId === id);
const ids = (f: HostFacts, now = NOW) => fired(f, now).map((x) => x.ruleId);

describe("host-dns-publish-failed", () => {
  const id = "host-dns-publish-failed";
  it("fires with the earliest failure as since and the latest error", () => {
    const f = find(
      host({
        dnsPublishFailures: [
          { at: ago(2), hresult: "0x80072338", domain: "corp.example" },
          { at: ago(9), hresult: "0x80070005", domain: "corp.example" },
          { at: ago(5), hresult: null, domain: "lab.example" },
        ],
      }),
      id,
    );
    expect(f?.severity).toBe("warning");
    expect(f?.since).toBe(ago(9));
    expect(f?.evidence).toMatchObject({ failures30d: 3, lastFailureAt: ago(2), domains: "corp.example, lab.example" });
    expect(f?.evidence.lastHresult).toContain("0x80072338 (DNS_ERROR_RCODE_BADSIG");
    expect(f?.fix).toContain("slmgr.vbs /sdns");
    expect(f?.fix).toContain("For 0x80072338");
  });
  it("works without hresult or domain", () => {
    const f = find(host({ dnsPublishFailures: [{ at: ago(1), hresult: null, domain: null }] }), id);
    expect(f?.evidence).toMatchObject({ lastHresult: null, domains: null });
    expect(f?.cause).toContain("the host's domain");
  });
  it("stays silent without failures or with unreadable timestamps only", () => {
    expect(ids(host())).not.toContain(id);
    expect(ids(host({ dnsPublishFailures: [{ at: "garbage", hresult: null, domain: null }] }))).not.toContain(id);
  });
});

describe("host-idle", () => {
  const id = "host-idle";
  it("fires after more than 7 days without a 12290", () => {
    const f = find(host({ lastRequestAt: ago(8) }), id);
    expect(f?.severity).toBe("warning");
    expect(f?.since).toBe(ago(8));
    expect(f?.evidence.idleDays).toBe(8);
    expect(f?.cause).toContain("firewall");
  });
  it("fires when no request was ever seen although the host checks in", () => {
    const f = find(host({ lastRequestAt: null }), id);
    expect(f?.since).toBeNull();
    expect(f?.evidence).toMatchObject({ lastRequestAt: null, idleDays: null });
  });
  it("measures from now when the host never checked in", () => {
    expect(ids(host({ lastRequestAt: ago(10), lastCheckInAt: null }))).toContain(id);
  });
  it.each([
    ["exactly 7 days", ago(7), ago(0)],
    ["6 days", ago(6), ago(0)],
    ["agent silent since shortly after the last request", ago(10), ago(9)],
    ["no request and no check-in", null, null],
  ] as const)("stays silent: %s", (_label, lastRequestAt, lastCheckInAt) => {
    expect(ids(host({ lastRequestAt, lastCheckInAt }))).not.toContain(id);
  });
});

describe("host-nonstandard-port", () => {
  it("fires as info with the port in the fix", () => {
    const f = find(host({ listeningPort: 11688, dnsPublishing: false }), "host-nonstandard-port");
    expect(f?.severity).toBe("info");
    expect(f?.fix).toContain("slmgr.vbs /skms <host>:11688");
    expect(f?.cause).toContain("DNS publishing is off");
  });
  it.each([1688, 0, null])("stays silent for %s", (listeningPort) => {
    expect(ids(host({ listeningPort }))).toEqual([]);
  });
});

describe("host-count-forecast-drop", () => {
  const id = "host-count-forecast-drop";
  const inDays = (d: number) => new Date(NOW.getTime() + d * DAY).toISOString();
  const fc = (crossesBelowAt: string | null, currentCount: number | null = 30) =>
    find(host({ currentCount, forecast: { crossesBelowAt, threshold: 25 } }), id);
  it("fires within 14 days", () => {
    const at = inDays(10);
    expect(fc(at)?.evidence).toEqual({ crossesBelowAt: at, threshold: 25, currentCount: 30, daysUntil: 10 });
    expect(fc(inDays(14))?.severity).toBe("warning");
    expect(fc(inDays(-1))?.evidence.daysUntil).toBe(0);
    expect(fc(inDays(3), null)).toBeDefined();
  });
  it("stays silent when far, unknown, or already below", () => {
    expect(fc(inDays(14.1))).toBeUndefined();
    expect(fc(null)).toBeUndefined();
    expect(fc(inDays(3), 20)).toBeUndefined();
    expect(ids(host({ forecast: null }))).toEqual([]);
  });
});

describe("diagnoseHost", () => {
  it("sorts by severity then root cause first, fills subject, and validates", () => {
    const facts = host({ licenseStatus: "Notification", currentCount: 3, listeningPort: 2000, lastRequestAt: ago(20) });
    const out = diagnoseHost(facts, NOW);
    expect(out.map((f) => f.ruleId)).toEqual(["host-not-licensed", "host-count-below-threshold", "host-idle", "host-nonstandard-port"]);
    for (const f of out) {
      expect(findingSchema.parse(f)).toEqual(f);
      expect(f.subject).toEqual({ kind: "host", machineId: "m-host-1", fqdn: "kms1.corp.example" });
    }
  });
  it("is pure: frozen facts, same answer twice", () => {
    const dnsPublishFailures = [
      { at: ago(1), hresult: null, domain: "a" },
      { at: ago(3), hresult: null, domain: "b" },
    ];
    const facts = host({ dnsPublishFailures });
    const frozen = structuredClone(facts);
    Object.freeze(frozen.dnsPublishFailures);
    expect(diagnoseHost(Object.freeze(frozen), NOW)).toEqual(diagnoseHost(facts, NOW));
    expect(frozen).toEqual(facts);
  });
});
