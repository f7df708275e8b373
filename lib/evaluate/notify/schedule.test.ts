import { describe, expect, it } from "vitest";
import { GROUP_MAX_WAIT_MS, GROUP_WAIT_MS, MAX_ATTEMPTS, groupIsReady, nextAttemptAt, retryDelayMs } from "@/lib/evaluate/notify/schedule";

const now = new Date("2026-11-25T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("groupIsReady", () => {
  it("waits while transitions keep arriving, then sends the whole group", () => {
    expect(groupIsReady([], now)).toBe(false);
    expect(groupIsReady([ago(60_000), ago(1_000)], now)).toBe(false);
    expect(groupIsReady([ago(60_000), ago(GROUP_WAIT_MS)], now)).toBe(true);
  });

  it("does not wait forever on a fleet that never goes quiet", () => {
    expect(groupIsReady([ago(GROUP_MAX_WAIT_MS), ago(1_000)], now)).toBe(true);
  });
});

describe("retries", () => {
  it("back off exponentially up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it("give up after the last attempt", () => {
    expect(nextAttemptAt(1, now)?.toISOString()).toBe("2026-11-25T10:00:30.000Z");
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});
