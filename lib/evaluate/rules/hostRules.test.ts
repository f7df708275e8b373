import { describe, expect, it } from "vitest";
import { licenseStatusValues } from "../../kms/parsed";
import { diagnoseHost } from "./index";
import { hostFactsSchema, type HostFacts } from "./types";
import { NOW, host } from "../../../tests/support/diagnosisFacts";

const fired = (f: HostFacts, now = NOW) => diagnoseHost(f, now);
const find = (f: HostFacts, id: string, now = NOW) => fired(f, now).find((x) => x.ruleId === id);
const ids = (f: HostFacts, now = NOW) => fired(f, now).map((x) => x.ruleId);

describe("healthy host", () => {
  it("has valid facts and no finding", () => {
    expect(hostFactsSchema.parse(host())).toEqual(host());
    expect(fired(host())).toEqual([]);
  });
});

describe("host-not-licensed", () => {
  it.each(licenseStatusValues.filter((s) => s !== "Licensed"))("fires for %s", (status) => {
    const f = find(host({ licenseStatus: status, notificationReason: "0xC004F009" }), "host-not-licensed");
    expect(f?.severity).toBe("critical");
    expect(f?.cause).toContain("0xC004F041");
    expect(f?.cause).toContain("Grace period expired");
    expect(f?.fix).toContain("slmgr.vbs /ato");
    expect(f?.evidence).toEqual({ licenseStatus: status, notificationReason: "0xC004F009" });
  });
  it("stays silent when Licensed or unknown", () => {
    expect(ids(host({ licenseStatus: null }))).toEqual([]);
  });
});

describe("host-count-below-threshold", () => {
  const id = "host-count-below-threshold";
  it.each([
    [24, false, true],
    [25, false, false],
    [0, false, true],
    [4, true, true],
    [5, true, false],
    [10, true, false],
  ])("count %i, serverOnly %s -> %s", (count, serverOnly, expected) => {
    expect(ids(host({ currentCount: count, serverOnly })).includes(id)).toBe(expected);
  });
  it("reports the numbers and refused requests", () => {
    const facts = host({ currentCount: 12, refusedInsufficientCount30d: 7, distinctClients30d: 12 });
    const f = find(facts, id);
    expect(f?.evidence).toMatchObject({ currentCount: 12, threshold: 25, serverOnly: false });
    expect(f?.evidence.refusedInsufficientCount30d).toBe(7);
    expect(f?.cause).toContain("0xC004F038");
    expect(f?.cause).toContain("7 refused");
  });
  it("uses the client threshold when serverOnly is claimed without any request", () => {
    const f = find(host({ currentCount: 6, serverOnly: true, distinctClients30d: 0, distinctCmids30d: 0 }), id);
    expect(f?.evidence.threshold).toBe(25);
  });
  it("stays silent when the count is unknown", () => {
    expect(ids(host({ currentCount: null }))).not.toContain(id);
  });
});

describe("host-count-stuck-duplicate-cmids", () => {
  const id = "host-count-stuck-duplicate-cmids";
  const dup = (currentCount: number | null, distinctCmids30d: number, distinctClients30d: number) =>
    find(host({ currentCount, distinctCmids30d, distinctClients30d }), id);
  it("fires on the classic stuck-at-1 count", () => {
    const f = dup(1, 1, 30);
    expect(f?.severity).toBe("critical");
    expect(f?.fix).toContain("slmgr.vbs /rearm");
    expect(f?.fix).toContain("sysprep /generalize");
    expect(f?.evidence).toEqual({ currentCount: 1, distinctClients30d: 30, distinctCmids30d: 1, machinesPerCmid: 30 });
  });
  it("fires exactly at 2x and +5", () => expect(dup(5, 5, 10)).toBeDefined());
  it.each([
    ["2x but fewer than 5 more", 2, 2, 6],
    ["5 more but under 2x", 10, 10, 19],
    ["count healthy", 25, 3, 60],
    ["count unknown", null, 1, 30],
    ["nobody counted at all", 0, 0, 30],
    ["CMIDs lost by the parser, count fine", 12, 0, 20],
  ] as const)("stays silent: %s", (_label, count, cmids, clients) => {
    expect(dup(count, cmids, clients)).toBeUndefined();
  });
});

describe("host-failed-requests-rising", () => {
  const id = "host-failed-requests-rising";
  type N = number | null;
  const rising = (failedRequests: N, failedRequests7dAgo: N, totalRequests: N, totalRequests7dAgo: N, byHresult: [string, number][] = []) =>
    find(
      host({
        failedRequests,
        failedRequests7dAgo,
        totalRequests,
        totalRequests7dAgo,
        failedRequestsByHresult7d: byHresult.map(([hresult, count]) => ({ hresult, count })),
      }),
      id,
    );
  it("fires above 5% of the new requests", () => {
    const f = rising(30, 10, 1000, 900);
    expect(f?.severity).toBe("warning");
    expect(f?.evidence).toEqual({
      failedRequests: 30,
      failedRequests7dAgo: 10,
      newFailed: 20,
      newTotal: 100,
      failedPercent: 20,
      dominantHresult: null,
      hresultsSeen: null,
    });
    // No code seen: no cause is invented.
    expect(f?.cause).not.toContain("0xC004F042");
    expect(f?.fix).not.toContain("CSVLK");
    expect(rising(16, 10, 1000, 900)).toBeDefined();
  });
  it("names the codes actually seen with their shares, and fixes the most frequent", () => {
    const refusals = rising(30, 10, 1000, 900, [
      ["0xC004F041", 4],
      ["0xC004F038", 16],
    ]);
    expect(refusals?.cause).toContain("0xC004F038");
    expect(refusals?.cause).toContain("80%");
    expect(refusals?.cause).toContain("0xC004F041");
    expect(refusals?.cause).toContain("20%");
    expect(refusals?.cause).not.toContain("0xC004F042");
    expect(refusals?.fix).toContain("count");
    expect(refusals?.fix).not.toContain("CSVLK");
    const unsupported = rising(30, 10, 1000, 900, [["0xC004F042", 20]]);
    expect(unsupported?.evidence.dominantHresult).toBe("0xC004F042");
    expect(unsupported?.fix).toContain("CSVLK");
    expect(rising(30, 10, 1000, 900, [["0xC004F041", 20]])?.fix).toContain("slmgr.vbs /ato");
  });
  it("treats failures above new requests as 100%", () => {
    expect(rising(15, 10, 900, 900)?.evidence.failedPercent).toBe(100);
  });
  it.each([
    ["exactly 5%", 15, 10, 1000, 900],
    ["no new failure", 10, 10, 1000, 900],
    ["counter reset", 0, 10, 5, 900],
    ["unknown now", null, 10, 1000, 900],
    ["unknown 7 days ago", 30, null, 1000, 900],
    ["total unknown", 30, 10, null, 900],
  ] as const)("stays silent: %s", (_label, a, b, c, d) => {
    expect(rising(a, b, c, d)).toBeUndefined();
  });
});
