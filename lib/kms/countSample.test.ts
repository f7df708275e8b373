import { describe, expect, it } from "vitest";
import {
  CLOCK_SKEW,
  COUNT_CAP,
  COUNT_WINDOW_DAYS,
  DAY_MS,
  SERVER_OS_THRESHOLD,
  forecastCount,
  reconstructCount,
  type KmsRequest,
} from "./countModel";
import { countFromWindowSample, forecastFromLatest, WINDOW_SAMPLE_SIZE } from "./countSample";
import { mulberry32 } from "../../scripts/simulator/prng";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

/** The sample the database returns: the latest `limit` countable requests of (at - 30 d, at]. */
function sampleOf(requests: KmsRequest[], at: Date, limit: number) {
  const inWindow = requests
    .filter((r) => +new Date(r.at) <= +at && +new Date(r.at) > +at - COUNT_WINDOW_DAYS * DAY_MS && r.hresult !== CLOCK_SKEW)
    .sort((a, b) => +new Date(b.at) - +new Date(a.at))
    .slice(0, limit);
  return {
    latest: inWindow,
    window: {
      requests: inWindow.length,
      cmids: new Set(inWindow.map((r) => r.cmid)).size,
      clientPolicy: inWindow.some((r) => r.minCount !== SERVER_OS_THRESHOLD),
    },
  };
}

describe("countFromWindowSample", () => {
  it("a sample shorter than the limit is the whole window: exact count and cap", () => {
    expect(countFromWindowSample({ requests: 30, cmids: 12, clientPolicy: true }, 40)).toBe(12);
    expect(countFromWindowSample({ requests: 30, cmids: 12, clientPolicy: false }, 40)).toBe(10);
    expect(countFromWindowSample({ requests: 0, cmids: 0, clientPolicy: false }, 40)).toBe(0);
  });
  it("a full sample decides only when it already reaches the cap under a client policy", () => {
    expect(countFromWindowSample({ requests: WINDOW_SAMPLE_SIZE, cmids: COUNT_CAP, clientPolicy: true })).toBe(COUNT_CAP);
    expect(countFromWindowSample({ requests: WINDOW_SAMPLE_SIZE, cmids: COUNT_CAP - 1, clientPolicy: true })).toBeNull();
    // Server policy only in the sample: an older client-policy request could lift the cap from 10 to 50.
    expect(countFromWindowSample({ requests: WINDOW_SAMPLE_SIZE, cmids: 120, clientPolicy: false })).toBeNull();
  });
  it("whenever it decides, it agrees with the count over the whole window (random fleets)", () => {
    const random = mulberry32(7);
    let decided = 0;
    for (let trial = 0; trial < 300; trial++) {
      const cmids = 1 + Math.floor(random() * 120);
      const n = Math.floor(random() * 400);
      const requests: KmsRequest[] = Array.from({ length: n }, () => ({
        at: ago(random() * 40 * DAY_MS),
        cmid: `c${Math.floor(random() * cmids)}`,
        minCount: random() < 0.2 ? 5 : 25,
        hresult: random() < 0.05 ? CLOCK_SKEW : "0x00000000",
      }));
      const limit = 1 + Math.floor(random() * 150);
      const count = countFromWindowSample(sampleOf(requests, NOW, limit).window, limit);
      if (count !== null) {
        decided++;
        expect(count).toBe(reconstructCount(requests, NOW));
      }
    }
    expect(decided).toBeGreaterThan(50);
  });
});

describe("forecastFromLatest", () => {
  it("a sample shorter than the limit gives the full forecast", () => {
    const requests = [
      { at: ago(10 * DAY_MS), cmid: "old", minCount: 25, hresult: null },
      { at: ago(DAY_MS), cmid: "new", minCount: 25, hresult: null },
    ];
    expect(forecastFromLatest(requests, NOW, 10)).toEqual(forecastCount(requests, NOW));
  });
  it("a full sample below the cap cannot tell: older clients may still be in the count", () => {
    const latest = Array.from({ length: 10 }, (_, i) => ({ at: ago(i * 1000), cmid: `c${i % 5}`, minCount: 25, hresult: null }));
    expect(forecastFromLatest(latest, NOW, 10)).toBeNull();
  });
  it("whenever it decides, it agrees with the forecast over the whole window (random fleets)", () => {
    const random = mulberry32(11);
    let decided = 0;
    for (let trial = 0; trial < 300; trial++) {
      const cmids = 20 + Math.floor(random() * 200);
      const requests: KmsRequest[] = Array.from({ length: Math.floor(random() * 600) }, () => ({
        at: ago(random() * (random() < 0.5 ? 9 : 35) * DAY_MS),
        cmid: `c${Math.floor(random() * cmids)}`,
        minCount: random() < 0.1 ? 5 : 25,
        hresult: "0x00000000",
      }));
      const limit = 50 + Math.floor(random() * 200);
      const forecast = forecastFromLatest(sampleOf(requests, NOW, limit).latest, NOW, limit);
      if (forecast !== null) {
        decided++;
        // What the sample cannot know (how many requests and new machines the whole window holds) is left out:
        // a decided sample stays at the cap, above every threshold, where the outlook does not read them.
        const { requestsInWindow: _r, newCmids7d: _n, ...sampled } = forecast;
        const { requestsInWindow: _rw, newCmids7d: _nw, ...whole } = forecastCount(requests, NOW);
        expect(sampled).toEqual(whole);
      }
    }
    expect(decided).toBeGreaterThan(50);
  });
});
