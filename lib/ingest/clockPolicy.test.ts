import { describe, expect, it } from "vitest";
import { CLOCK_TOLERANCE_MS, judgeCollectedAt, judgeEventTime } from "./clockPolicy";

const NOW = new Date("2026-12-04T12:00:00.000Z");
const plus = (ms: number) => new Date(NOW.getTime() + ms);

describe("clock policy", () => {
  it("keeps a collectedAt within tolerance, stores one further ahead at receipt time with its skew", () => {
    expect(judgeCollectedAt(plus(CLOCK_TOLERANCE_MS), NOW)).toEqual({ storedAt: plus(CLOCK_TOLERANCE_MS), aheadMs: null, note: null });
    const ahead = judgeCollectedAt(plus(5 * 3_600_000), NOW);
    expect(ahead.storedAt).toEqual(NOW);
    expect(ahead.aheadMs).toBe(5 * 3_600_000);
    expect(judgeCollectedAt(new Date("9999-12-31T00:00:00Z"), NOW).storedAt).toEqual(NOW);
    // Behind is normal (a spooled check-in sent late): kept as reported.
    expect(judgeCollectedAt(plus(-3 * 86_400_000), NOW).storedAt).toEqual(plus(-3 * 86_400_000));
  });
  it("treats dates before 2006 as damage", () => {
    expect(judgeCollectedAt(new Date("2001-01-01T00:00:00Z"), NOW)).toMatchObject({ storedAt: NOW, aheadMs: null });
    expect(judgeEventTime("2005-12-31T23:59:59.000Z", NOW)?.error).toContain("before 2006");
    expect(judgeEventTime("2006-01-01T00:00:00.000Z", NOW)).toBeNull();
  });
  it("keeps future events aside with how far ahead they were", () => {
    expect(judgeEventTime(plus(CLOCK_TOLERANCE_MS + 1).toISOString(), NOW)?.aheadMs).toBe(CLOCK_TOLERANCE_MS + 1);
    expect(judgeEventTime(plus(60_000).toISOString(), NOW)).toBeNull();
  });
});
