import { describe, expect, it } from "vitest";
import { compareValues, nextSort, parseSort, sortParam, sortRows } from "./sort";

const keys = ["fqdn", "count", "lastSeen"] as const;
const fallback = { key: "fqdn", dir: "asc" } as const;

describe("sort parameter", () => {
  it("reads ascending and descending keys, and falls back on unknown ones", () => {
    expect(parseSort("count", keys, fallback)).toEqual({ key: "count", dir: "asc" });
    expect(parseSort("-lastSeen", keys, fallback)).toEqual({ key: "lastSeen", dir: "desc" });
    expect(parseSort("-password", keys, fallback)).toEqual(fallback);
    expect(parseSort(null, keys, fallback)).toEqual(fallback);
  });

  it("round-trips and toggles", () => {
    expect(sortParam({ key: "count", dir: "desc" })).toBe("-count");
    expect(nextSort({ key: "count", dir: "asc" }, "count")).toEqual({ key: "count", dir: "desc" });
    expect(nextSort({ key: "count", dir: "desc" }, "count")).toEqual({ key: "count", dir: "asc" });
    expect(nextSort({ key: "count", dir: "desc" }, "fqdn")).toEqual({ key: "fqdn", dir: "asc" });
  });
});

describe("sortRows", () => {
  const rows = [
    { fqdn: "kms10.contoso.com", count: 25, lastSeen: "2026-11-03T00:00:00Z" },
    { fqdn: "kms2.contoso.com", count: null, lastSeen: "2026-11-01T00:00:00Z" },
    { fqdn: "KMS1.contoso.com", count: 2, lastSeen: null },
    { fqdn: "kms3.contoso.com", count: 50, lastSeen: "2026-11-02T00:00:00Z" },
  ];
  const value = (r: (typeof rows)[number], k: (typeof keys)[number]) => r[k];
  // Every row is in contoso.com: the host names alone say the order.
  const names = (sorted: typeof rows) => sorted.map((r) => r.fqdn.replace(".contoso.com", ""));

  it("sorts numbers as numbers and names naturally, case-insensitively", () => {
    expect(names(sortRows(rows, { key: "count", dir: "asc" }, value))).toEqual(["KMS1", "kms10", "kms3", "kms2"]);
    expect(names(sortRows(rows, { key: "fqdn", dir: "asc" }, value))).toEqual(["KMS1", "kms2", "kms3", "kms10"]);
  });

  it("keeps missing values last in both directions", () => {
    expect(names(sortRows(rows, { key: "count", dir: "desc" }, value))).toEqual(["kms3", "kms10", "KMS1", "kms2"]);
    expect(names(sortRows(rows, { key: "lastSeen", dir: "desc" }, value)).at(-1)).toBe("KMS1");
  });

  it("is stable and leaves the input alone", () => {
    const same = [
      { fqdn: "b", count: 1, lastSeen: null },
      { fqdn: "a", count: 1, lastSeen: null },
    ];
    expect(sortRows(same, { key: "count", dir: "desc" }, (r, k) => r[k as "count"]).map((r) => r.fqdn)).toEqual(["b", "a"]);
    expect(compareValues(true, false)).toBeGreaterThan(0);
    expect(rows[0]?.fqdn).toBe("kms10.contoso.com");
  });
});
