import { describe, expect, it } from "vitest";
import { durationParts, formatDateTime, formatDuration, formatMinutes, timeToExpiry } from "./expiry";

const now = new Date("2026-11-25T10:00:00Z");
const plus = (ms: number) => new Date(now.getTime() + ms).toISOString();
const DAY = 86_400_000;

describe("formatDuration", () => {
  it("uses the largest units", () => {
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(7 * 60_000)).toBe("7m");
    expect(formatDuration(3 * 3_600_000)).toBe("3h");
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000)).toBe("5h 12m");
    expect(formatDuration(3 * DAY + 4 * 3_600_000)).toBe("3d 4h");
    expect(formatDuration(179 * DAY + 4 * 3_600_000)).toBe("179d");
    expect(formatDuration(-2 * DAY)).toBe("2d");
  });
});

describe("durationParts", () => {
  it("gives the numbers each language writes with its own units", () => {
    expect(durationParts(30_000)).toEqual({ unit: "underMinute" });
    expect(durationParts(3 * DAY + 4 * 3_600_000)).toEqual({ unit: "dh", d: 3, h: 4 });
    expect(durationParts(-179 * DAY)).toEqual({ unit: "d", d: 179 });
    expect(durationParts(5 * 3_600_000 + 12 * 60_000)).toEqual({ unit: "hm", h: 5, m: 12 });
  });
});

describe("timeToExpiry", () => {
  it("is unknown without a date", () => {
    expect(timeToExpiry(null, now)).toEqual({ text: "—", tone: null });
    expect(timeToExpiry("not a date", now)).toEqual({ text: "—", tone: null });
  });
  it("is ok for a freshly renewed client", () => {
    expect(timeToExpiry(plus(179 * DAY), now)).toEqual({ text: "in 179d", tone: "ok" });
  });
  it("warns under 30 days and is critical under 7", () => {
    expect(timeToExpiry(plus(20 * DAY), now).tone).toBe("warning");
    expect(timeToExpiry(plus(2 * DAY), now)).toEqual({ text: "in 2d", tone: "critical" });
  });
  it("says expired in the past", () => {
    expect(timeToExpiry(plus(-3 * DAY), now)).toEqual({ text: "expired 3d ago", tone: "critical" });
  });
});

describe("formatMinutes", () => {
  it("formats grace minutes", () => {
    expect(formatMinutes(null)).toBe("—");
    expect(formatMinutes(0)).toBe("0m");
    expect(formatMinutes(43200)).toBe("30d");
    expect(formatMinutes(90)).toBe("1h 30m");
  });
});

describe("formatDateTime", () => {
  it("is a dash for missing or invalid", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("x")).toBe("—");
    expect(formatDateTime("2026-11-25T10:00:00Z")).toMatch(/2026/);
  });
});
