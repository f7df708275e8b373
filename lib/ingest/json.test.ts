import { describe, expect, it } from "vitest";
import { storableRowsJson, storableText } from "./json";

describe("storable JSON for Postgres", () => {
  it("replaces NUL, which Postgres text cannot hold, and nothing else", () => {
    expect(storableText("a\u0000b\\u0000")).toBe("a\uFFFDb\\u0000");
  });

  it("makes every string of bulk rows storable and keeps the other values", () => {
    const json = storableRowsJson([{ raw: "x\u0000y", n: 3, flag: null, nested: { s: "\u0000" } }]);
    expect(json).not.toContain("\\u0000");
    expect(JSON.parse(json)).toEqual([{ raw: "x\uFFFDy", n: 3, flag: null, nested: { s: "\uFFFD" } }]);
  });
});
