// The queue's scheduling with the evaluation itself replaced: which passes run when, not what they find
// (that is tested against the database in tests/integration).
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("./evaluate", () => ({ evaluateAlerts: vi.fn(async () => undefined) }));
const { evaluateAlerts } = await import("./evaluate");
const { HOST_REQUESTS_DELAY_MS, queueMachineEvaluation, retryDelay, settleQueuedEvaluations } = await import("./queue");
const evaluated = vi.mocked(evaluateAlerts);

beforeEach(() => {
  vi.useFakeTimers();
  evaluated.mockClear();
});
afterAll(() => vi.useRealTimers());

describe("evaluation after ingest", () => {
  it("evaluates a KMS host's request log once within the delay, however many batches arrive", async () => {
    for (let i = 0; i < 20; i++) queueMachineEvaluation("host-a", true);
    await vi.advanceTimersByTimeAsync(HOST_REQUESTS_DELAY_MS - 100);
    expect(evaluated).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100 + 1_000 + 50);
    expect(evaluated.mock.calls).toEqual([[{ machineIds: ["host-a"] }]]);
  });

  it("evaluates any other change after the one-second debounce, even for a machine waiting on its requests", async () => {
    queueMachineEvaluation("host-b", true);
    queueMachineEvaluation("client-c");
    queueMachineEvaluation("host-b");
    await vi.advanceTimersByTimeAsync(1_050);
    expect(evaluated.mock.calls).toEqual([[{ machineIds: ["client-c", "host-b"] }]]);
    await vi.advanceTimersByTimeAsync(HOST_REQUESTS_DELAY_MS + 2_000);
    expect(evaluated).toHaveBeenCalledTimes(1);
  });

  it("lets a reader waiting for fresh alerts pull a host's deferred evaluation forward", async () => {
    queueMachineEvaluation("host-d", true);
    const settled = settleQueuedEvaluations();
    await vi.advanceTimersByTimeAsync(200);
    await settled;
    expect(evaluated.mock.calls).toEqual([[{ machineIds: ["host-d"] }]]);
  });

  it("puts a failed pass's machines back and retries them after a backoff, which a reader does not cut short", async () => {
    evaluated.mockRejectedValueOnce(new Error("Transaction already closed (P2028)"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    queueMachineEvaluation("client-e");
    await vi.advanceTimersByTimeAsync(1_050);
    expect(evaluated.mock.calls).toEqual([[{ machineIds: ["client-e"] }]]);
    expect(logged).toHaveBeenCalledTimes(1);
    queueMachineEvaluation("client-f");
    await settleQueuedEvaluations();
    await vi.advanceTimersByTimeAsync(retryDelay(1) - 100);
    expect(evaluated).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(evaluated.mock.calls[1]).toEqual([{ machineIds: ["client-e", "client-f"] }]);
    // Once a pass succeeds, the next change waits the usual debounce again.
    queueMachineEvaluation("client-g");
    await vi.advanceTimersByTimeAsync(1_050);
    expect(evaluated.mock.calls[2]).toEqual([{ machineIds: ["client-g"] }]);
    logged.mockRestore();
  });
});
