import { describe, expect, it } from "vitest";
import { prepareRequestsChart } from "./prepareRequestsChart";

const p = (bucket: string, totalRequests: number | null, failedRequests: number | null) => ({
  bucket,
  totalRequests,
  failedRequests,
});
const pick = (rows: ReturnType<typeof prepareRequestsChart>) =>
  rows.map((r) => [r.totalRequests, r.failedRequests, r.newRequests, r.newFailed, r.reset]);

describe("prepareRequestsChart", () => {
  it("sorts and computes per-bucket deltas; the first bucket has no baseline", () => {
    const rows = prepareRequestsChart([
      p("2026-11-23T00:00:00Z", 130, 4),
      p("2026-11-22T00:00:00Z", 100, 1),
      p("2026-11-24T00:00:00Z", 130, 4),
    ]);
    expect(rows.map((r) => r.label)).toEqual(["Nov 22", "Nov 23", "Nov 24"]);
    expect(rows[0]!.t).toBe(Date.parse("2026-11-22T00:00:00Z"));
    expect(pick(rows)).toEqual([
      [100, 1, null, null, false],
      [130, 4, 30, 3, false],
      [130, 4, 0, 0, false],
    ]);
  });

  it("null buckets stay null; the next delta spans the hole", () => {
    const rows = prepareRequestsChart([
      p("2026-11-22T00:00:00Z", 100, 1),
      p("2026-11-23T00:00:00Z", null, null),
      p("2026-11-24T00:00:00Z", 150, null),
      p("2026-11-25T00:00:00Z", 160, 6),
    ]);
    expect(pick(rows)).toEqual([
      [100, 1, null, null, false],
      [null, null, null, null, false],
      [150, null, 50, null, false],
      [160, 6, 10, 5, false],
    ]);
  });

  it("a lower value is a restart (host reinstalled), not a negative delta", () => {
    const rows = prepareRequestsChart([
      p("2026-11-22T00:00:00Z", 1000, 3),
      p("2026-11-23T00:00:00Z", 40, 5),
      p("2026-11-24T00:00:00Z", 70, 5),
    ]);
    expect(pick(rows)).toEqual([
      [1000, 3, null, null, false],
      [40, 5, 40, 5, true],
      [70, 5, 30, 0, false],
    ]);
  });

  it("a restart with one counter missing leaves that counter without a baseline", () => {
    const rows = prepareRequestsChart([
      p("2026-11-22T00:00:00Z", 1000, 3),
      p("2026-11-23T00:00:00Z", 40, null),
      p("2026-11-24T00:00:00Z", 70, 2),
      p("2026-11-25T00:00:00Z", 80, 4),
    ]);
    expect(pick(rows)).toEqual([
      [1000, 3, null, null, false],
      [40, null, 40, null, true],
      [70, 2, 30, null, false],
      [80, 4, 10, 2, false],
    ]);
  });

  it("sub-daily buckets get the time in their label; bad input is dropped or nulled", () => {
    const rows = prepareRequestsChart([p("2026-11-22T06:00:00Z", 1, 0), p("nope", 5, 5), p("2026-11-22T07:00:00Z", Number.NaN, -1)]);
    expect(rows.map((r) => r.label)).toEqual(["Nov 22, 06:00", "Nov 22, 07:00"]);
    expect(pick(rows)[1]).toEqual([null, null, null, null, false]);
  });

  it("empty input", () => {
    expect(prepareRequestsChart([])).toEqual([]);
  });
});
