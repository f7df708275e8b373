import { describe, expect, it } from "vitest";
import { COUNT_THRESHOLDS } from "@/lib/kms/countModel";
import { dayLabel, prepareHostTrend, summarizeTrend, type HostTrendInput } from "./prepareHostTrend";

const D = (s: string) => Date.parse(s);
/** A reported count (the API's bucket) and a reconstructed or forecast one (a point in time). */
const bucket = (at: string, count: number | null) => ({ bucket: at, count });
const point = (at: string, count: number) => ({ at, count });
const base: HostTrendInput = {
  reported: [],
  reconstructed: [],
  forecast: [],
  serverOnly: false,
  unit: "day",
  thresholds: COUNT_THRESHOLDS,
};

describe("prepareHostTrend", () => {
  it("labels UTC days", () => {
    expect(dayLabel(D("2026-11-25T23:59:00Z"))).toBe("Nov 25");
    expect(dayLabel(D("2026-01-01T00:00:00Z"))).toBe("Jan 1");
  });

  it("merges by UTC day, sorts, keeps null buckets as gaps", () => {
    const out = prepareHostTrend({
      ...base,
      reported: [bucket("2026-11-24T00:00:00Z", 30), bucket("2026-11-22T00:00:00Z", 28), bucket("2026-11-23T00:00:00Z", null)],
      reconstructed: [point("2026-11-22T12:00:00Z", 27), point("2026-11-23T12:00:00Z", 29), point("2026-11-24T12:00:00Z", 30)],
    });
    expect(out.rows).toEqual([
      { t: D("2026-11-22T00:00:00Z"), label: "Nov 22", reported: 28, reconstructed: 27, forecast: null },
      { t: D("2026-11-23T00:00:00Z"), label: "Nov 23", reported: null, reconstructed: 29, forecast: null },
      { t: D("2026-11-24T00:00:00Z"), label: "Nov 24", reported: 30, reconstructed: 30, forecast: null },
    ]);
    expect(out.gapDays).toBe(1);
    expect(out.thresholds).toEqual({ clientOs: 25, serverOs: 5, cap: 50 });
    expect(out.yMax).toBe(50);
  });

  it("takes the latest non-null value of a day", () => {
    const out = prepareHostTrend({
      ...base,
      reported: [bucket("2026-11-22T18:00:00Z", null), bucket("2026-11-22T12:00:00Z", 12), bucket("2026-11-22T06:00:00Z", 10)],
    });
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]!.reported).toBe(12);
  });

  it("puts forecast rows after the last real one and connects the dashed line", () => {
    const out = prepareHostTrend({
      ...base,
      reported: [bucket("2026-11-24T00:00:00Z", 30)],
      reconstructed: [point("2026-11-24T00:00:00Z", 31)],
      forecast: [
        point("2026-11-23T10:00:00Z", 99), // before the last real day: history, dropped
        point("2026-11-24T10:00:00Z", 31),
        point("2026-11-25T10:00:00Z", 24),
        point("2026-11-26T10:00:00Z", 20),
      ],
    });
    expect(out.rows.map((r) => [r.label, r.reported, r.reconstructed, r.forecast])).toEqual([
      ["Nov 24", 30, 31, 31],
      ["Nov 25", null, null, 24],
      ["Nov 26", null, null, 20],
    ]);
  });

  it("without a forecast point on the last real day, anchors it on the real value", () => {
    const out = prepareHostTrend({
      ...base,
      reported: [bucket("2026-11-24T00:00:00Z", 30)],
      forecast: [point("2026-11-26T00:00:00Z", 20)],
    });
    expect(out.rows.map((r) => r.forecast)).toEqual([30, 20]);
  });

  it("forecast only, or no data at all", () => {
    expect(prepareHostTrend({ ...base, forecast: [point("2026-11-26T00:00:00Z", 3)] }).rows).toHaveLength(1);
    const empty = prepareHostTrend(base);
    expect(empty.rows).toEqual([]);
    expect(empty.gapDays).toBeNull();
    expect(empty.yMax).toBe(50);
  });

  it("server-only hosts get a 0..10 range; larger data widens it to a multiple of 5", () => {
    expect(prepareHostTrend({ ...base, serverOnly: true, reported: [bucket("2026-11-24T00:00:00Z", 7)] }).yMax).toBe(10);
    expect(prepareHostTrend({ ...base, serverOnly: true, reported: [bucket("2026-11-24T00:00:00Z", 12)] }).yMax).toBe(15);
  });

  it("gap is the largest |reported - reconstructed| and ignores rows missing either", () => {
    const out = prepareHostTrend({
      ...base,
      reported: [bucket("2026-11-20T00:00:00Z", 10), bucket("2026-11-21T00:00:00Z", 4), bucket("2026-11-22T00:00:00Z", null)],
      reconstructed: [point("2026-11-20T00:00:00Z", 12), point("2026-11-21T00:00:00Z", 9), point("2026-11-22T00:00:00Z", 40)],
    });
    expect(out.gapDays).toBe(5);
  });

  it("skips unparseable timestamps", () => {
    const out = prepareHostTrend({ ...base, reported: [bucket("garbage", 3)] });
    expect(out.rows).toEqual([]);
  });
});

describe("prepareHostTrend at the API's resolution", () => {
  it("keeps hourly buckets as hourly rows (the 7-day view), labelled with their hour", () => {
    const out = prepareHostTrend({
      ...base,
      unit: "hour",
      reported: [bucket("2026-11-24T10:00:00Z", 24), bucket("2026-11-24T11:00:00Z", 25), bucket("2026-11-24T12:00:00Z", null)],
    });
    expect(out.rows.map((r) => [r.label, r.reported])).toEqual([
      ["Nov 24, 10:00", 24],
      ["Nov 24, 11:00", 25],
      ["Nov 24, 12:00", null],
    ]);
  });

  it("draws the thresholds the API sent, not its own", () => {
    const out = prepareHostTrend({ ...base, thresholds: { clientOs: 25, serverOs: 5, cap: 60 } });
    expect(out.thresholds.cap).toBe(60);
    expect(out.yMax).toBe(60);
  });
});

describe("y-axis ticks and text summary", () => {
  it("puts ticks on the thresholds so a count of 2 reads against 5, 10 and 25", () => {
    const trend = prepareHostTrend({ ...base, reported: [bucket("2026-11-24T00:00:00Z", 2)] });
    expect(trend.yTicks).toEqual([0, 5, 10, 25, 50]);
    const serverOnly = prepareHostTrend({ ...base, serverOnly: true, reported: [bucket("2026-11-24T00:00:00Z", 2)] });
    expect(serverOnly.yTicks).toEqual([0, 5, 10]);
  });

  it("summarises the reported count: first and last day, latest, lowest, highest; nothing without a count", () => {
    const trend = prepareHostTrend({
      ...base,
      reported: [
        bucket("2026-11-20T00:00:00Z", 30),
        bucket("2026-11-21T00:00:00Z", null),
        bucket("2026-11-22T00:00:00Z", 2),
        bucket("2026-11-23T00:00:00Z", 7),
      ],
    });
    expect(summarizeTrend(trend.rows)).toEqual({
      from: Date.parse("2026-11-20T00:00:00Z"),
      to: Date.parse("2026-11-23T00:00:00Z"),
      latest: 7,
      min: 2,
      max: 30,
    });
    expect(summarizeTrend(prepareHostTrend(base).rows)).toBeNull();
  });
});
