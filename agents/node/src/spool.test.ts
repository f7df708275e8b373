import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testTempDir } from "../tempDir";
import { planSpoolDrops, Spool, spoolName, timeOfName, type SpoolEntry } from "./spool";

const DAY = 86_400_000;
const at = (iso: string, counter: number, bytes = 100): SpoolEntry => ({
  name: spoolName(new Date(iso), counter),
  bytes,
  collectedAtMs: Date.parse(iso),
});

describe("spool names", () => {
  it("sort by time, then counter, and give the time back", () => {
    expect(spoolName(new Date("2026-11-25T10:00:00.123Z"), 42)).toBe("20261125T100000123Z-0000000042.json");
    expect(timeOfName("20261125T100000123Z-0000000042.json")).toBe(Date.parse("2026-11-25T10:00:00.123Z"));
    expect(timeOfName("notes.txt")).toBeNull();
    const names = [
      spoolName(new Date("2026-11-25T10:00:00Z"), 10),
      spoolName(new Date("2026-11-25T10:00:00Z"), 9),
      spoolName(new Date("2026-11-24T23:00:00Z"), 11),
    ];
    expect([...names].sort()).toEqual([names[2], names[1], names[0]]);
  });
});

describe("planSpoolDrops", () => {
  const now = Date.parse("2026-11-25T12:00:00Z");
  it("drops the payloads older than the age bound", () => {
    const entries = [at("2026-11-01T00:00:00Z", 1), at("2026-11-20T00:00:00Z", 2), at("2026-11-25T00:00:00Z", 3)];
    expect(planSpoolDrops(entries, now, 10_000, 14 * DAY)).toEqual([entries[0]!.name]);
  });
  it("drops the oldest until the size fits, and always keeps the newest", () => {
    const entries = [at("2026-11-25T03:00:00Z", 3, 400), at("2026-11-25T01:00:00Z", 1, 400), at("2026-11-25T02:00:00Z", 2, 400)];
    expect(planSpoolDrops(entries, now, 900, 14 * DAY)).toEqual([entries[1]!.name]);
    expect(planSpoolDrops(entries, now, 100, 14 * DAY)).toEqual([entries[1]!.name, entries[2]!.name]);
    expect(planSpoolDrops([at("2026-01-01T00:00:00Z", 1, 5000)], now, 100, DAY)).toEqual([]);
  });
});

describe("Spool", () => {
  it("lists oldest first, removes, and keeps refused payloads with the reason", () => {
    const spool = new Spool(testTempDir("spool"));
    spool.write(spoolName(new Date("2026-11-25T10:00:00Z"), 2), "{}");
    spool.write(spoolName(new Date("2026-11-25T09:00:00Z"), 1), '{"a":1}');
    const [first, second] = spool.list() as [SpoolEntry, SpoolEntry];
    expect(first.name.startsWith("20261125T090000")).toBe(true);
    expect(first.bytes).toBe(7);
    const kept = spool.reject(first.name, "400 invalid_request");
    expect(readFileSync(`${kept}.error.txt`, "utf8")).toContain("invalid_request");
    spool.remove(second.name);
    expect(spool.list()).toEqual([]);
    expect(readdirSync(spool.rejectedDir)).toHaveLength(2);
  });
});
