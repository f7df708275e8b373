import { describe, expect, it } from "vitest";
import { nextEvaluationDelay, retryDelay } from "./queue";

describe("nextEvaluationDelay", () => {
  it("debounces by a second after quick passes", () => {
    expect(nextEvaluationDelay(0)).toBe(1_000);
    expect(nextEvaluationDelay(200)).toBe(1_000);
  });

  it("stretches after slow passes so evaluation keeps to about a fifth of the time", () => {
    expect(nextEvaluationDelay(500)).toBe(2_000);
    expect(nextEvaluationDelay(1_500)).toBe(6_000);
  });

  it("never waits more than ten seconds", () => {
    expect(nextEvaluationDelay(60_000)).toBe(10_000);
  });
});

describe("retryDelay", () => {
  it("waits 5 s after a failed pass, doubling with each failure in a row, at most 5 minutes", () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelay(7)).toBe(300_000);
    expect(retryDelay(40)).toBe(300_000);
  });
});
