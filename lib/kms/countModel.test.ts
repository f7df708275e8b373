import { describe, expect, it } from "vitest";
import { DAY_MS, forecastCount, reconstructCount, reconstructCountSeries, type KmsRequest } from "./countModel";
import { mulberry32 } from "../../scripts/simulator/prng";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const req = (cmid: string, at: Date | string, minCount: number | null = 25, hresult: string | null = "0x00000000"): KmsRequest => ({
  at,
  cmid,
  minCount,
  hresult,
});
const many = (n: number, at: Date, minCount: number | null = 25, prefix = "c") =>
  Array.from({ length: n }, (_, i) => req(`${prefix}${i}`, at, minCount));

describe("reconstructCount", () => {
  it("counts distinct CMIDs", () => {
    expect(reconstructCount([req("a", ago(DAY_MS)), req("b", ago(2 * DAY_MS)), req("c", NOW)], NOW)).toBe(3);
  });
  it("caps at 50 with client policies", () => {
    expect(reconstructCount(many(60, ago(DAY_MS)), NOW)).toBe(50);
  });
  it("caps at 10 when every request in the window is server policy 5", () => {
    expect(reconstructCount(many(8, ago(DAY_MS), 5), NOW)).toBe(8);
    expect(reconstructCount(many(12, ago(DAY_MS), 5), NOW)).toBe(10);
  });
  it("one client-policy request in the window lifts the cap to 50", () => {
    const reqs = [...many(12, ago(DAY_MS), 5), req("w", ago(3 * DAY_MS), 25)];
    expect(reconstructCount(reqs, NOW)).toBe(13);
  });
  it("a client-policy request that left the window no longer lifts the cap", () => {
    const reqs = [...many(12, ago(DAY_MS), 5), req("w", ago(31 * DAY_MS), 25)];
    expect(reconstructCount(reqs, NOW)).toBe(10);
  });
  it("unknown policy (null) keeps the 50 cap", () => {
    expect(reconstructCount(many(12, ago(DAY_MS), null), NOW)).toBe(12);
  });
  it("window is (at - 30 days, at]", () => {
    const reqs = [
      req("edge", ago(30 * DAY_MS)), // exactly 30 days: out
      req("inside", ago(30 * DAY_MS - 1)), // 1 ms later: in
      req("now", NOW), // at `at`: in
      req("future", new Date(NOW.getTime() + 1)), // after `at`: out
    ];
    expect(reconstructCount(reqs, NOW)).toBe(2);
  });
  it("counts a CMID once however many requests it sent, case-insensitively", () => {
    const reqs = [req("A", ago(DAY_MS)), req("a", ago(2 * DAY_MS)), req("a", ago(2 * 3600_000)), req("b", NOW)];
    expect(reconstructCount(reqs, NOW)).toBe(2);
  });
  it("ignores clock-skew refusals but counts count-refusals", () => {
    const reqs = [
      req("skew", ago(DAY_MS), 25, "0xC004F06C"),
      req("skew-lower", ago(DAY_MS), 25, "0xc004f06c"),
      req("low-count", ago(DAY_MS), 25, "0xC004F038"),
      req("unknown", ago(DAY_MS), 25, null),
    ];
    expect(reconstructCount(reqs, NOW)).toBe(2);
  });
  it("accepts ISO strings, skips unparseable timestamps and empty CMIDs", () => {
    const reqs = [req("a", ago(DAY_MS).toISOString()), req("b", "not a date"), req("", NOW), req("  ", NOW)];
    expect(reconstructCount(reqs, NOW)).toBe(1);
  });
  it("honours a configured cache period", () => {
    const reqs = [req("a", ago(DAY_MS)), req("b", ago(10 * DAY_MS))];
    expect(reconstructCount(reqs, NOW, { windowDays: 7 })).toBe(1);
  });
  it("is 0 for no requests", () => {
    expect(reconstructCount([], NOW)).toBe(0);
  });
});

// Deterministic PRNG so a failing case is reproducible from its seed.
const rng = mulberry32;

describe("reconstructCountSeries", () => {
  it("equals the per-point computation on random inputs", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const spanDays = 1 + Math.floor(r() * 120);
      const cmids = 1 + Math.floor(r() * 80);
      const serverHeavy = r() < 0.4;
      const reqs: KmsRequest[] = Array.from({ length: Math.floor(r() * 400) }, () => {
        // Whole-hour times make exact window-edge collisions likely.
        const at = ago(Math.floor(r() * spanDays * 24) * 3600_000);
        const minCount = serverHeavy ? (r() < 0.97 ? 5 : 25) : r() < 0.1 ? null : r() < 0.5 ? 5 : 25;
        const hresult = r() < 0.1 ? "0xC004F06C" : r() < 0.2 ? "0xC004F038" : "0x00000000";
        return req(`m${Math.floor(r() * cmids)}`, r() < 0.5 ? at : at.toISOString(), minCount, hresult);
      });
      // Odd seeds feed time-ordered input, as SQL does, to exercise the no-sort path too.
      if (seed % 2) reqs.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
      const points = Array.from({ length: Math.floor(r() * 40) }, () => ago(Math.floor(r() * (spanDays + 40) * 24 - 20 * 24) * 3600_000));
      const windowDays = r() < 0.2 ? 7 : undefined;
      const series = reconstructCountSeries(reqs, points, { windowDays });
      const naive = points.map((p) => ({ at: p, count: reconstructCount(reqs, p, { windowDays }) }));
      expect(series, `seed ${seed}`).toEqual(naive);
    }
  });
  it("keeps the order of the given points and handles invalid dates", () => {
    const reqs = [req("a", ago(40 * DAY_MS)), req("b", ago(DAY_MS))];
    const pts = [NOW, ago(35 * DAY_MS), new Date(Number.NaN)];
    expect(reconstructCountSeries(reqs, pts).map((p) => p.count)).toEqual([1, 1, 0]);
  });
  it("handles 100 points x 100k requests", () => {
    const r = rng(42);
    const reqs = Array.from({ length: 100_000 }, () => req(`m${Math.floor(r() * 5000)}`, ago(Math.floor(r() * 120 * DAY_MS))));
    const points = Array.from({ length: 100 }, (_, i) => ago(i * DAY_MS));
    const series = reconstructCountSeries(reqs, points);
    // Generous bound for a loaded CI box; an O(n * p) version takes several times longer.
    expect(series[0]!.count).toBe(50);
  });
});

describe("forecastCount", () => {
  it("20 of 30 CMIDs stopped 10 days ago: below 25 on day 20, when they all leave", () => {
    const reqs = [...many(20, ago(10 * DAY_MS), 25, "gone"), ...many(10, ago(DAY_MS), 25, "live")];
    const f = forecastCount(reqs, NOW);
    expect(f.points).toHaveLength(31);
    expect(f.points[0]).toEqual({ at: NOW.toISOString(), count: 30 });
    // last + 30 days = now + 20 days: in at day 19, out at day 20.
    expect(f.points[19]!.count).toBe(30);
    expect(f.points[20]!.count).toBe(10);
    expect(f.points[30]!.count).toBe(10);
    expect(f.crossesBelow).toEqual({ threshold: 25, at: new Date(NOW.getTime() + 20 * DAY_MS).toISOString() });
    expect(f.serverOnly).toBe(false);
  });
  it("staggered stops: crosses below 25 on the day the 6th stopped CMID leaves", () => {
    // Stopped CMID k (k = 0..19) last seen 9 + k days ago leaves on day 21 - k (k = 19 on day 2, ...).
    // Day d has 10 + min(20, 21 - d) CMIDs: day 6 -> 25 (5 gone), day 7 -> 24 (6th gone).
    const reqs = [
      ...Array.from({ length: 20 }, (_, k) => req(`gone${k}`, ago((9 + k) * DAY_MS))),
      ...many(10, ago(2 * DAY_MS), 25, "live"),
    ];
    const f = forecastCount(reqs, NOW);
    expect(f.points.slice(0, 9).map((p) => p.count)).toEqual([30, 30, 29, 28, 27, 26, 25, 24, 23]);
    expect(f.crossesBelow).toEqual({ threshold: 25, at: new Date(NOW.getTime() + 7 * DAY_MS).toISOString() });
  });
  it("a CMID last seen exactly 8 days ago still renews; 8 days + 1 ms has stopped", () => {
    const f = forecastCount([req("a", ago(8 * DAY_MS)), req("b", ago(8 * DAY_MS + 1))], NOW);
    expect(f.points[0]!.count).toBe(2);
    expect(f.points[21]!.count).toBe(2);
    expect(f.points[22]!.count).toBe(1); // b leaves at now + 22 days - 1 ms
    expect(f.points[30]!.count).toBe(1);
  });
  it("no crossing when today's count is already below the threshold", () => {
    const f = forecastCount(many(20, ago(10 * DAY_MS)), NOW);
    expect(f.points[0]!.count).toBe(20);
    expect(f.crossesBelow).toBeNull();
  });
  it("no crossing when everyone keeps renewing; the cap holds", () => {
    const f = forecastCount(many(60, ago(3 * DAY_MS)), NOW, 10);
    expect(f.points).toHaveLength(11);
    expect(f.points.every((p) => p.count === 50)).toBe(true);
    expect(f.crossesBelow).toBeNull();
  });
  it("server-only host: threshold 5, cap 10", () => {
    const reqs = [...many(4, ago(12 * DAY_MS), 5, "gone"), ...many(4, ago(DAY_MS), 5, "live")];
    const f = forecastCount(reqs, NOW);
    expect(f.serverOnly).toBe(true);
    expect(f.threshold).toBe(5);
    expect(f.points[0]!.count).toBe(8);
    expect(f.points[17]!.count).toBe(8);
    expect(f.points[18]!.count).toBe(4);
    expect(f.crossesBelow).toEqual({ threshold: 5, at: new Date(NOW.getTime() + 18 * DAY_MS).toISOString() });
  });
  it("the cap drops to 10 once the last client-policy request leaves the window", () => {
    const reqs = [...many(12, ago(DAY_MS), 5, "srv"), req("client", ago(20 * DAY_MS), 25)];
    const f = forecastCount(reqs, NOW);
    expect(f.serverOnly).toBe(false);
    expect(f.points[0]!.count).toBe(13);
    expect(f.points[9]!.count).toBe(13);
    expect(f.points[10]!.count).toBe(10);
    // 13 -> 10 crosses no client threshold from above: today is already below 25.
    expect(f.crossesBelow).toBeNull();
  });
  it("ignores requests after now and clock-skew refusals", () => {
    const reqs = [req("a", ago(DAY_MS)), req("later", new Date(NOW.getTime() + DAY_MS)), req("skew", ago(DAY_MS), 25, "0xC004F06C")];
    expect(forecastCount(reqs, NOW).points[0]!.count).toBe(1);
  });
  it("first point equals reconstructCount(now)", () => {
    const r = rng(7);
    const reqs = Array.from({ length: 300 }, () => req(`m${Math.floor(r() * 70)}`, ago(Math.floor(r() * 45 * DAY_MS)), r() < 0.5 ? 5 : 25));
    expect(forecastCount(reqs, NOW).points[0]!.count).toBe(reconstructCount(reqs, NOW));
  });
});
