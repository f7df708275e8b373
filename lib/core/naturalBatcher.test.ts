import { describe, expect, it } from "vitest";
import { naturalBatcher, sharedBatcher } from "./naturalBatcher";

const deferred = () => {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
};

describe("naturalBatcher", () => {
  it("answers each caller with its own result, in order", async () => {
    const batcher = naturalBatcher(async (items: number[]) => items.map((n) => n * 10));
    await expect(Promise.all([1, 2, 3].map((n) => batcher.submit(n)))).resolves.toEqual([10, 20, 30]);
  });

  it("groups what arrives during a flush into the next flush", async () => {
    const flushes: number[][] = [];
    const gate = deferred();
    const batcher = naturalBatcher(async (items: number[]) => {
      flushes.push(items);
      if (flushes.length === 1) await gate.done;
      return items;
    });
    const first = batcher.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((n) => batcher.submit(n));
    gate.release();
    await Promise.all([first, ...later]);
    expect(flushes).toEqual([[1], [2, 3, 4]]);
  });

  it("caps a flush at maxBatch items", async () => {
    const sizes: number[] = [];
    const batcher = naturalBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("rejects every caller of a failed flush and keeps serving later ones", async () => {
    let fail = true;
    const batcher = naturalBatcher(async (items: number[]) => {
      if (fail) throw new Error("database went away");
      return items;
    });
    const failed = await Promise.allSettled([batcher.submit(1), batcher.submit(2)]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    await expect(batcher.submit(3)).resolves.toBe(3);
  });

  it("rejects a flush that answers the wrong number of results", async () => {
    const batcher = naturalBatcher(async () => [] as number[]);
    await expect(batcher.submit(1)).rejects.toThrow(/0 results for 1 items/);
  });

  it("keeps one shared batcher per name in the process", async () => {
    const first = sharedBatcher("test-shared", async (items: number[]) => items.map((n) => n + 1));
    const again = sharedBatcher("test-shared", async (items: number[]) => items.map(() => 0));
    expect(again).toBe(first);
    await expect(again.submit(1)).resolves.toBe(2);
    expect(sharedBatcher("test-other", async (items: number[]) => items)).not.toBe(first);
  });
});
