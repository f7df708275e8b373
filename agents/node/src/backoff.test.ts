import { describe, expect, it } from "vitest";
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, fitsBeforeDeadline, fullJitterDelay, parseRetryAfter, retryDelay } from "./backoff";

describe("backoff", () => {
  it("draws a full-jitter delay in [0, base·2^attempt), capped", () => {
    expect(fullJitterDelay(0, () => 0)).toBe(0);
    expect(fullJitterDelay(0, () => 0.999)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS));
    expect(fullJitterDelay(3, () => 0.5)).toBe(BACKOFF_BASE_MS * 4);
    expect(fullJitterDelay(50, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    for (let i = 0; i < 100; i += 1) expect(fullJitterDelay(4)).toBeLessThan(BACKOFF_BASE_MS * 16);
  });

  it("honours Retry-After as a floor, within the cap", () => {
    expect(retryDelay(0, 2, () => 0)).toBe(2000);
    expect(retryDelay(0, 10_000, () => 0)).toBe(BACKOFF_CAP_MS);
    expect(retryDelay(2, null, () => 0.5)).toBe(BACKOFF_BASE_MS * 2);
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).toBeNull();
  });

  it("stops when a wait would pass the run's deadline", () => {
    expect(fitsBeforeDeadline(1000, 2000, 500)).toBe(true);
    expect(fitsBeforeDeadline(1000, 2000, 1000)).toBe(false);
  });
});
