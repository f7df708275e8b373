import { describe, expect, it } from "vitest";
import { ApiError, errorResponse } from "@/lib/core/errors";
import { Admission } from "./admission";

const gate = (over: Partial<ConstructorParameters<typeof Admission>[0]> = {}) =>
  new Admission({ limit: 2, queue: 1, maxWaitMs: 60_000, retryAfterSeconds: 7, ...over });

/** A request that runs until `finish()` is called. */
function hold(admission: Admission) {
  let finish = () => {};
  const done = admission.run(() => new Promise<string>((resolve) => (finish = () => resolve("ran"))));
  return { done, finish: () => finish() };
}

describe("Admission", () => {
  it("runs `limit` at once, queues `queue` more in order, refuses the rest at once", async () => {
    const admission = gate();
    const a = hold(admission);
    const b = hold(admission);
    const c = hold(admission);
    await Promise.resolve();
    expect(admission.stats()).toMatchObject({ running: 2, queued: 1 });
    const refused = await admission.run(async () => "ran").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe("overloaded");
    a.finish();
    await a.done;
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The queued request took the freed slot.
    expect(admission.stats()).toMatchObject({ running: 2, queued: 0, admitted: 3, refused: 1 });
    b.finish();
    c.finish();
    expect(await Promise.all([b.done, c.done])).toEqual(["ran", "ran"]);
    expect(admission.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it("refuses a queued request that waited longer than maxWaitMs, and frees its place in the queue", async () => {
    const admission = gate({ limit: 1, queue: 5, maxWaitMs: 20 });
    const a = hold(admission);
    const waited = await admission.run(async () => "ran").catch((error: unknown) => error);
    expect((waited as ApiError).code).toBe("overloaded");
    expect(admission.stats()).toMatchObject({ running: 1, queued: 0 });
    a.finish();
    await a.done;
    expect(await admission.run(async () => "ran")).toBe("ran");
  });

  it("releases the slot when the work throws", async () => {
    const admission = gate({ limit: 1, queue: 0 });
    await expect(admission.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await admission.run(async () => "ran")).toBe("ran");
  });

  it("a refusal is answered 503 with Retry-After and the JSON error shape", async () => {
    const admission = gate({ limit: 1, queue: 0 });
    const a = hold(admission);
    const response = errorResponse(await admission.run(async () => "ran").catch((error: unknown) => error));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("overloaded");
    a.finish();
  });

  it("rate_limited is 429 with a default Retry-After; other errors carry none", () => {
    const limited = errorResponse(new ApiError("rate_limited", "slow down"));
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "30"]);
    expect(errorResponse(new ApiError("not_found", "no")).headers.get("retry-after")).toBeNull();
  });
});
