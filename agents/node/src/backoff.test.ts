import { describe, expect, it } from "vitest";
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  fitsBeforeDeadline,
  fullJitterDelay,
  parseRetryAfter,
  RETRY_AFTER_CAP_SECONDS,
  retryAfterDelay,
  retryDelay,
} from "./backoff";

describe("backoff", () => {
  it("draws a full-jitter delay in [0, base·2^attempt), capped", () => {
    expect(fullJitterDelay(0, () => 0)).toBe(0);
    expect(fullJitterDelay(0, () => 0.999)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS));
    expect(fullJitterDelay(3, () => 0.5)).toBe(BACKOFF_BASE_MS * 4);
    expect(fullJitterDelay(50, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    for (let i = 0; i < 100; i += 1) expect(fullJitterDelay(4)).toBeLessThan(BACKOFF_BASE_MS * 16);
  });

  it("waits Retry-After plus 0–20 % jitter, capped at 10 minutes, at least 1 s", () => {
    expect(retryDelay(0, 2, () => 0)).toBe(2000);
    expect(retryDelay(0, 2, () => 0.999)).toBe(Math.floor(2000 * 1.1998));
    expect(retryDelay(5, 90, () => 0.5)).toBe(99_000);
    expect(retryDelay(0, 10_000, () => 0)).toBe(RETRY_AFTER_CAP_SECONDS * 1000);
    expect(retryAfterDelay(0, () => 0)).toBe(1000);
    for (let i = 0; i < 200; i += 1) {
      const d = retryDelay(i % 8, 5);
      expect(d).toBeGreaterThanOrEqual(5000);
      expect(d).toBeLessThanOrEqual(6000);
    }
    // Jitter really spreads a fleet: 200 draws are not all one value.
    expect(new Set(Array.from({ length: 200 }, () => retryAfterDelay(5))).size).toBeGreaterThan(50);
    expect(retryDelay(2, null, () => 0.5)).toBe(BACKOFF_BASE_MS * 2);
  });

  it("reads delay-seconds only", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(" 120 ")).toBe(120);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).toBeNull();
    expect(parseRetryAfter("-3")).toBeNull();
    expect(parseRetryAfter("")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it("stops when a wait would pass the run's deadline", () => {
    expect(fitsBeforeDeadline(1000, 2000, 500)).toBe(true);
    expect(fitsBeforeDeadline(1000, 2000, 1000)).toBe(false);
  });
});
