import { describe, expect, it } from "vitest";
import { nextEvaluationDelay } from "./queue";

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
