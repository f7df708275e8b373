import { describe, expect, it } from "vitest";
import { prepareLicenseShares } from "./prepareLicenseShares";

describe("prepareLicenseShares", () => {
  it("groups grace states and keeps a fixed order", () => {
    const out = prepareLicenseShares({
      Unlicensed: 5,
      InitialGrace: 2,
      AdditionalGrace: 1,
      ExtendedGrace: 3,
      NonGenuineGrace: 4,
      Licensed: 80,
      Notification: 5,
    });
    expect(out.map((s) => [s.name, s.key, s.value])).toEqual([
      ["Licensed", "licensed", 80],
      ["In grace", "grace", 10],
      ["Notification", "notification", 5],
      ["Unlicensed", "unlicensed", 5],
      ["Unknown", "unknown", 0],
    ]);
    expect(out.map((s) => s.share)).toEqual([0.8, 0.1, 0.05, 0.05, 0]);
    expect(new Set(out.map((s) => s.color)).size).toBe(5);
  });

  it("accepts the host counter names and any case; unrecognised keys are Unknown", () => {
    const out = prepareLicenseShares({ oobgrace: 1, OOTGrace: 1, licensed: 2, Weird: 3, Unknown: 1 });
    expect(out.map((s) => s.value)).toEqual([2, 2, 0, 0, 4]);
    expect(out.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
  });

  it("zero total: all shares 0, no NaN", () => {
    const out = prepareLicenseShares({});
    expect(out).toHaveLength(5);
    expect(out.every((s) => s.value === 0 && s.share === 0)).toBe(true);
    expect(prepareLicenseShares({ Licensed: 0 }).every((s) => s.share === 0)).toBe(true);
  });

  it("ignores negative and non-finite counts", () => {
    const out = prepareLicenseShares({ Licensed: 4, Unlicensed: -3, Notification: Number.NaN, InitialGrace: Infinity });
    expect(out.map((s) => s.value)).toEqual([4, 0, 0, 0, 0]);
    expect(out[0]!.share).toBe(1);
  });
});
