import { describe, expect, it } from "vitest";
import { forecastCount, type KmsRequest } from "./countModel";
import { countOutlook } from "./countOutlook";
import { translate } from "@/lib/core/i18n/translate";

const NOW = new Date("2026-06-01T00:00:00Z");
const DAY = 86_400_000;
const ago = (d: number) => new Date(NOW.getTime() - d * DAY);
/** `n` distinct CMIDs, each requesting `daysAgo` (and, when renewing, again every 7 days up to now). */
function requests(n: number, daysAgo: number, prefix = "c"): KmsRequest[] {
  return Array.from({ length: n }, (_, i) => ({ at: ago(daysAgo), cmid: `${prefix}-${i}`, minCount: 25, hresult: null }));
}

describe("countOutlook", () => {
  it("says there is no data when the window has no request", () => {
    const o = countOutlook(forecastCount([], NOW), NOW);
    expect(o.state).toBe("no-data");
    expect(o.text).not.toContain("stays above");
  });
  it("below now with no new machine: stays below, never 'stays above'", () => {
    // 12 machines first seen 10 days ago, renewed 3 days ago: none is new this week.
    const o = countOutlook(forecastCount([...requests(12, 10), ...requests(12, 3)], NOW), NOW);
    expect(o.state).toBe("below");
    expect(o.text).toContain("12, below the 25");
    expect(o.text).toContain("does not come back above");
    expect(o.text).not.toContain("stays at or above");
    expect(o.reachesThresholdAt).toBeNull();
  });
  it("below now with new machines: when it comes back above at that rate", () => {
    // 10 old CMIDs renewing, 7 new ones this week: 1 a day, 8 more needed.
    const reqs = [...requests(10, 20, "old"), ...requests(10, 2, "old"), ...requests(7, 1, "new")];
    const o = countOutlook(forecastCount(reqs, NOW), NOW);
    expect(o.state).toBe("below");
    expect(o.reachesThresholdAt).toBe(new Date(NOW.getTime() + 8 * DAY).toISOString());
    expect(o.text).toContain("7 new machine(s) in the last 7 days");
  });
  it("above and falling gives the crossing day; above and steady says so", () => {
    const falling = countOutlook(forecastCount(requests(30, 20), NOW), NOW);
    expect(falling.state).toBe("falling");
    expect(falling.text).toContain("2026-06-11");
    const steady = countOutlook(forecastCount([...requests(30, 20), ...requests(30, 1)], NOW), NOW);
    expect(steady.state).toBe("steady");
    expect(steady.text).toContain("stays at or above 25");
  });
});

describe("countOutlook in French", () => {
  it("renders each state's sentence from the catalogue with the same numbers and day", () => {
    const fr = (o: ReturnType<typeof countOutlook>) => translate("fr")(o.message);
    const reqs = [...requests(10, 20, "old"), ...requests(10, 2, "old"), ...requests(7, 1, "new")];
    expect(fr(countOutlook(forecastCount(reqs, NOW), NOW))).toContain("17, sous les 25 nécessaires");
    expect(fr(countOutlook(forecastCount(reqs, NOW), NOW))).toContain("7 nouvelles machines au cours des 7 derniers jours");
    expect(fr(countOutlook(forecastCount(requests(30, 20), NOW), NOW))).toContain("passe sous 25 le 2026-06-11");
    expect(fr(countOutlook(forecastCount([], NOW), NOW))).toMatch(/^Prévision : aucune demande/);
  });
});
