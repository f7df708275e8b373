import { describe, expect, it } from "vitest";
import { diagnoseClient } from "./index";
import { findingSchema, type ClientFacts } from "./types";
import { ago, NOW, client } from "../../../tests/support/diagnosisFacts";

const find = (f: ClientFacts, id: string) => diagnoseClient(f, NOW).find((x) => x.ruleId === id);
const ids = (f: ClientFacts) => diagnoseClient(f, NOW).map((x) => x.ruleId);
type Response = NonNullable<ClientFacts["lastResponse"]>;
const refused = (over: Partial<Response>): Response => ({
  at: ago(0.5),
  hresult: "0xC004F038",
  activated: false,
  hostCurrentCount: 10,
  minCount: 25,
  ...over,
});

describe("client-renewal-overdue", () => {
  const id = "client-renewal-overdue";
  it("fires after 7 days + 1 day of margin, since the renewal became due", () => {
    const f = find(client({ lastRenewalAt: ago(9), lastCheckInAt: ago(0) }), id);
    expect(f?.severity).toBe("warning");
    expect(f?.since).toBe(ago(2));
    expect(f?.evidence.daysSinceRenewal).toBe(9);
  });
  it("measures up to the last check-in, so an offline machine is not blamed", () => {
    expect(ids(client({ lastRenewalAt: ago(20), lastCheckInAt: ago(12) }))).not.toContain(id);
    expect(ids(client({ lastRenewalAt: ago(20), lastCheckInAt: ago(11) }))).toContain(id);
    expect(ids(client({ lastRenewalAt: ago(9), lastCheckInAt: null }))).toContain(id);
  });
  it.each([
    ["exactly 8 days", { lastRenewalAt: ago(8), lastCheckInAt: ago(0) }],
    ["not Licensed", { lastRenewalAt: ago(30), licenseStatus: "InitialGrace" }],
    ["not a GVLK (MAK-activated)", { lastRenewalAt: ago(30), channel: "VOLUME_MAK", kmsHost: null }],
    ["no renewal on record", { lastRenewalAt: null }],
  ] as const)("stays silent: %s", (_label, over) => {
    expect(ids(client(over))).not.toContain(id);
  });
});

describe("client-expiring-soon", () => {
  const id = "client-expiring-soon";
  it.each([
    [20, "warning"],
    [30, "warning"],
    [7, "critical"],
    [5, "critical"],
    [-2, "critical"],
  ] as const)("expiring in %i days is %s", (days, severity) => {
    const f = find(client({ expiresAt: ago(-days) }), id);
    expect(f?.severity).toBe(severity);
    expect(f?.evidence.daysLeft).toBe(days);
  });
  it("starts when the 30-day window opened, and ignores an unknown status", () => {
    const f = find(client({ expiresAt: ago(-20), licenseStatus: null }), id);
    expect(f?.since).toBe(ago(10));
    expect(f?.cause).toContain("180-day");
  });
  it.each([
    ["31 days left", { expiresAt: ago(-31) }],
    ["unknown expiry", { expiresAt: null }],
    ["in grace (its own rule)", { expiresAt: ago(-5), licenseStatus: "AdditionalGrace" }],
  ] as const)("stays silent: %s", (_label, over) => {
    expect(ids(client(over))).not.toContain(id);
  });
});

describe("client-unapproved-host", () => {
  const id = "client-unapproved-host";
  it("fires on a rogue host with the /ckms + /skms fix", () => {
    const f = find(client({ kmsHost: "rogue.lab.example", kmsHostApproved: false }), id);
    expect(f?.severity).toBe("critical");
    expect(f?.cause).toContain("rogue.lab.example");
    expect(f?.fix).toContain("slmgr.vbs /ckms");
    expect(f?.fix).toContain("slmgr.vbs /skms <approved-host>");
    expect(f?.evidence).toEqual({
      kmsHost: "rogue.lab.example",
      kmsPort: 1688,
      lastRequestHost: "kms1.corp.example",
      receivedEpid: null,
      hostActivatedClients: null,
    });
  });
  it.each([true, null])("stays silent when approved is %s", (kmsHostApproved) => {
    expect(ids(client({ kmsHostApproved }))).not.toContain(id);
  });
});

describe("client-refused-low-count", () => {
  const id = "client-refused-low-count";
  it("fires when the host count is below the client's minimum", () => {
    const f = find(client({ lastResponse: refused({ hresult: null }) }), id);
    expect(f?.severity).toBe("critical");
    expect(f?.since).toBe(ago(0.5));
    expect(f?.evidence).toEqual({ responseAt: ago(0.5), hresult: null, hostCurrentCount: 10, minCount: 25 });
    expect(f?.cause).toContain("below the 25");
  });
  it("fires on 0xC004F038 alone, whatever its spelling", () => {
    const lastResponse = refused({ hresult: "0xc004f038", hostCurrentCount: null, minCount: null });
    const f = find(client({ lastResponse }), id);
    expect(f?.cause).toContain("below the minimum");
    expect(f?.evidence.hresult).toContain("KMS count insufficient");
  });
  it.each([
    ["activated", refused({ activated: true })],
    ["activation unknown", refused({ activated: null })],
    ["count equals the minimum, other error", refused({ hostCurrentCount: 25, hresult: "0xC004F042" })],
    ["count fine, no error code", refused({ hostCurrentCount: 30, hresult: null })],
    ["no response", null],
  ] as const)("stays silent: %s", (_label, lastResponse) => {
    expect(ids(client({ lastResponse }))).not.toContain(id);
  });
});

describe("diagnoseClient", () => {
  it("sorts by severity then rule id, fills subject, and validates", () => {
    const out = diagnoseClient(
      client({
        licenseStatus: "Notification",
        notificationReason: "0xC004F009",
        channel: "VOLUME_MAK",
        productKeyChannel: null,
        lastRequest: { at: ago(1), hresult: "0xC004F074", kmsHost: "kms1", kmsPort: 1688, answered: false },
        lastResponse: null,
        lastRenewalAt: null,
      }),
      NOW,
    );
    expect(out.map((f) => f.ruleId)).toEqual(["client-host-unreachable", "client-notification", "client-not-gvlk"]);
    for (const f of out) {
      expect(findingSchema.parse(f)).toEqual(f);
      expect(f.subject).toEqual({ kind: "client", machineId: "m-pc-1", fqdn: "pc1.corp.example" });
    }
  });
  it("escalated severities sort with the critical ones, the cause (rogue host) before its symptom", () => {
    const out = diagnoseClient(client({ expiresAt: ago(-3), kmsHostApproved: false }), NOW);
    expect(out.map((f) => [f.ruleId, f.severity])).toEqual([
      ["client-unapproved-host", "critical"],
      ["client-expiring-soon", "critical"],
    ]);
  });
});
