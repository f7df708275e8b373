import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/errors";
import { prepareRequestBytes } from "./prepareRequest";
import { parseThreads } from "./parsePool";

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const errorOf = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
};

describe("prepareRequestBytes", () => {
  it("prepares a valid envelope, counting its artifacts", () => {
    const prepared = prepareRequestBytes(
      bytes({ collectedAt: "2026-11-20T10:00:00Z", agentVersion: "9.9", artifacts: [{ type: "events", log: "Application", xml: "" }] }),
    );
    expect(prepared.agentVersion).toBe("9.9");
    expect(prepared.artifactCount).toBe(1);
    expect(prepared.batch.collectedAt.toISOString()).toBe("2026-11-20T10:00:00.000Z");
  });

  it("refuses empty, broken and invalid bodies with the API's errors", () => {
    expect(errorOf(() => prepareRequestBytes(bytes("  "))).code).toBe("invalid_json");
    expect(errorOf(() => prepareRequestBytes(bytes('{"artifacts": ['))).code).toBe("invalid_json");
    const invalid = errorOf(() =>
      prepareRequestBytes(bytes({ collectedAt: "2026-11-20T10:00:00Z", agentVersion: "1", artifacts: "none" })),
    );
    expect([invalid.code, invalid.path]).toEqual(["invalid_request", "artifacts"]);
  });
});

describe("parseThreads", () => {
  it("leaves a core to the event loop beyond two cores, keeps at least two threads and at most four, and obeys the setting", () => {
    // On 2 cores the event loop mostly waits on PostgreSQL during an event flood: two threads parse there.
    expect([1, 2, 3, 4, 8, 64].map((cores) => parseThreads(undefined, cores))).toEqual([2, 2, 2, 3, 4, 4]);
    expect(parseThreads(0, 8)).toBe(0);
    expect(parseThreads(6, 2)).toBe(6);
  });
});
