// A worker that cannot start or dies must not cost a request: its body is parsed in place. Under vitest the
// worker entry is TypeScript that a bare worker thread cannot load, which is exactly such a failure.
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/core/errors";

process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.KMSWATCH_SESSION_SECRET ??= "s".repeat(32);
const { prepareRequest, WORKER_MIN_BYTES } = await import("./parsePool");

const largeBody = (artifacts: unknown) =>
  new TextEncoder().encode(
    JSON.stringify({ collectedAt: "2026-11-20T10:00:00Z", agentVersion: "1", artifacts, pad: "x".repeat(WORKER_MIN_BYTES) }),
  );

describe("prepareRequest when its worker thread fails", () => {
  it("answers every request in place, errors included, and gives the pool up after repeated losses", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answers = await Promise.allSettled(
      [1, 2, 3, 4].map(() => prepareRequest(largeBody([{ type: "events", log: "Application", xml: "" }]))),
    );
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const invalid = await prepareRequest(largeBody("none")).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ApiError);
    expect((invalid as ApiError).path).toBe("artifacts");
    expect(logged.mock.calls.some(([line]) => String(line).includes("parsing in place from now on"))).toBe(true);
    logged.mockRestore();
  });
});
