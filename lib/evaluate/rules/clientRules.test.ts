import { describe, expect, it } from "vitest";
import { hasGvlk } from "./clientRules";
import { diagnoseClient } from "./index";
import { clientFactsSchema, type ClientFacts } from "./types";
import { ago, NOW, client } from "../../../tests/support/diagnosisFacts";

const find = (f: ClientFacts, id: string) => diagnoseClient(f, NOW).find((x) => x.ruleId === id);
const ids = (f: ClientFacts) => diagnoseClient(f, NOW).map((x) => x.ruleId);
const unanswered = (daysAgo: number, hresult: string | null = "0x800706BA", kmsPort: number | null = 1688) => ({
  at: ago(daysAgo),
  hresult,
  kmsHost: "kms1.corp.example",
  kmsPort,
  answered: false,
});

describe("healthy client", () => {
  it("has valid facts and no finding", () => {
    expect(clientFactsSchema.parse(client())).toEqual(client());
    expect(diagnoseClient(client(), NOW)).toEqual([]);
  });
});

describe("client-host-unreachable", () => {
  const id = "client-host-unreachable";
  it("fires on a 12288 without 12289, with the HRESULT meaning", () => {
    const f = find(client({ lastRequest: unanswered(1) }), id);
    expect(f?.severity).toBe("critical");
    expect(f?.since).toBe(ago(1));
    expect(f?.evidence).toMatchObject({ hresult: "0x800706BA (RPC server unavailable)", kmsPort: 1688 });
    expect(f?.fix).toContain("For 0x800706BA");
  });
  it("fires exactly at the 10-minute answer window, not before", () => {
    const minsAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
    expect(find(client({ lastRequest: { ...unanswered(1), at: minsAgo(10) } }), id)).toBeDefined();
    expect(find(client({ lastRequest: { ...unanswered(1), at: minsAgo(9) } }), id)).toBeUndefined();
  });
  it.each([
    ["answered", { lastRequest: { ...unanswered(1), answered: true } }],
    ["no request", { lastRequest: null }],
    [
      "a response came after it",
      {
        lastRequest: unanswered(1),
        lastResponse: { at: ago(0.5), hresult: null, activated: true, hostCurrentCount: 50, minCount: 25 },
      },
    ],
  ] as const)("stays silent: %s", (_label, over) => {
    expect(ids(client(over))).not.toContain(id);
  });
  it.each([
    [{ dnsSrvFound: true, tcpReachable: false, target: "kms1:1688" }, "port is blocked", "TCP 1688"],
    [{ dnsSrvFound: false, tcpReachable: false, target: null }, "no _vlmcs._tcp SRV record either", "stale SRV"],
    [{ dnsSrvFound: false, tcpReachable: null, target: null }, "auto-discovery finds no KMS host", "slmgr.vbs /sdns"],
    [{ dnsSrvFound: false, tcpReachable: true, target: "kms1:1688" }, "auto-discovery", "slmgr.vbs /skms"],
    [{ dnsSrvFound: true, tcpReachable: true, target: "kms1:1688" }, "reaches kms1:1688 now", "sppsvc"],
    [null, "TCP 1688 blocked", "nslookup -type=srv"],
  ])("uses the probe %j to tell DNS from network", (probe, inCause, inFix) => {
    const f = find(client({ lastRequest: unanswered(1, null), probe }), id);
    expect(f?.cause).toContain(inCause);
    expect(f?.fix).toContain(inFix);
    expect(f?.evidence.probeTcpReachable).toBe(probe?.tcpReachable ?? null);
  });
  it("falls back to the client's port, then 1688", () => {
    expect(find(client({ lastRequest: unanswered(1, null, null), kmsPort: 1700 }), id)?.evidence.kmsPort).toBe(1700);
    expect(find(client({ lastRequest: unanswered(1, null, null), kmsPort: null }), id)?.evidence.kmsPort).toBe(1688);
  });
});

describe("client-in-grace", () => {
  const id = "client-in-grace";
  it.each(["InitialGrace", "AdditionalGrace", "NonGenuineGrace", "ExtendedGrace"] as const)("fires for %s", (s) => {
    const f = find(client({ licenseStatus: s, graceRemainingMin: 14_400 }), id);
    expect(f?.severity).toBe("warning");
    expect(f?.evidence).toEqual({ licenseStatus: s, graceRemainingMin: 14_400, graceRemainingDays: 10 });
  });
  it.each([
    [4320, "warning"],
    [4319, "critical"],
    [0, "critical"],
    [null, "warning"],
  ] as const)("with %s minutes left is %s", (graceRemainingMin, severity) => {
    expect(find(client({ licenseStatus: "InitialGrace", graceRemainingMin }), id)?.severity).toBe(severity);
  });
  it.each(["Licensed", "Notification", "Unlicensed", null] as const)("stays silent for %s", (licenseStatus) => {
    expect(ids(client({ licenseStatus }))).not.toContain(id);
  });
});

describe("client-notification", () => {
  it("fires with the reason", () => {
    const f = find(client({ licenseStatus: "Notification", notificationReason: "0xC004F009" }), "client-notification");
    expect(f?.severity).toBe("critical");
    expect(f?.cause).toContain("0xC004F009 (Grace period expired");
    expect(f?.evidence.notificationReason).toContain("0xC004F009");
  });
  it("works without a reason and stays silent otherwise", () => {
    expect(find(client({ licenseStatus: "Notification" }), "client-notification")?.cause).not.toContain("Reason");
    expect(ids(client({ licenseStatus: "InitialGrace" }))).not.toContain("client-notification");
  });
});

describe("client-not-gvlk", () => {
  const id = "client-not-gvlk";
  it.each([
    ["MAK with a KMS host set", { channel: "VOLUME_MAK", productKeyChannel: "Volume:MAK" }],
    ["RETAIL, only a KMS request", { channel: "RETAIL", productKeyChannel: null, kmsHost: null, lastResponse: null }],
    ["OEM, only a KMS response", { channel: "OEM_DM", productKeyChannel: "OEM:DM", kmsHost: null, lastRequest: null }],
    ["Description and key channel disagree", { productKeyChannel: "Volume:MAK" }],
  ] as const)("fires: %s", (_label, over) => {
    const f = find(client(over), id);
    expect(f?.severity).toBe("warning");
    expect(f?.fix).toContain("slmgr.vbs /ipk <GVLK>");
  });
  it.each([
    ["GVLK", {}],
    ["GVLK in other casing", { channel: "volume_kmsclient", productKeyChannel: "VOLUME:GVLK" }],
    ["key unknown", { channel: null, productKeyChannel: null }],
    ["a KMS host (channel)", { channel: "VOLUME_KMS_WS22", productKeyChannel: null }],
    ["a KMS host (CSVLK)", { channel: null, productKeyChannel: "Volume:CSVLK" }],
  ] as const)("stays silent: %s", (_label, over) => {
    expect(ids(client(over))).not.toContain(id);
  });
  it("reports a MAK machine with no KMS trace as information only", () => {
    const finding = diagnoseClient(
      client({ channel: "VOLUME_MAK", productKeyChannel: "Volume:MAK", kmsHost: null, lastRequest: null, lastResponse: null }),
      NOW,
    ).find((f) => f.ruleId === id);
    expect(finding?.severity).toBe("info");
    expect(finding?.cause).toContain("does not activate against KMS");
  });
  it("hasGvlk is null when nothing is known", () => {
    expect(hasGvlk({ channel: null, productKeyChannel: null })).toBeNull();
    expect(hasGvlk({ channel: null, productKeyChannel: " Volume:GVLK " })).toBe(true);
  });
});
