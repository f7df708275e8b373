import { describe, expect, it } from "vitest";
import { retentionCutoffs } from "./retentionPolicy";

describe("retentionCutoffs", () => {
  const now = new Date("2026-12-04T12:00:00Z");
  it("counts whole days back from now for each class, 0 keeping it forever", () => {
    expect(retentionCutoffs(now, { rawDays: 90, historyDays: 400 })).toEqual({
      rawBefore: new Date("2026-09-05T12:00:00Z"),
      historyBefore: new Date("2025-10-30T12:00:00Z"),
    });
    expect(retentionCutoffs(now, { rawDays: 0, historyDays: 0 })).toEqual({ rawBefore: null, historyBefore: null });
  });
});
