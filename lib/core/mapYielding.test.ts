import { describe, expect, it } from "vitest";
import { mapYielding } from "./mapYielding";

describe("mapYielding", () => {
  it("maps every item in order", async () => {
    const items = Array.from({ length: 4500 }, (_, i) => i);
    expect(await mapYielding(items, (n) => n * 2)).toEqual(items.map((n) => n * 2));
    expect(await mapYielding([], (n: number) => n)).toEqual([]);
  });

  it("lets other work run between slices", async () => {
    const order: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push("other");
        resolve();
      }),
    );
    await mapYielding(
      Array.from({ length: 5000 }, (_, i) => i),
      (n) => {
        if (n % 2000 === 0) order.push(`slice ${n}`);
        return n;
      },
    );
    await timer;
    expect(order.indexOf("other")).toBeGreaterThan(order.indexOf("slice 0"));
    expect(order.indexOf("other")).toBeLessThan(order.indexOf("slice 4000"));
  });
});
