import { describe, expect, it } from "vitest";
import { copyLine, copyValue } from "./copyText";

describe("copyValue", () => {
  it("writes NULL as \\N and scalars as text", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(undefined)).toBe("\\N");
    expect(copyValue(42)).toBe("42");
    expect(copyValue(true)).toBe("true");
    expect(copyValue("")).toBe("");
  });
  it("escapes what COPY reads as structure, so the text comes back as sent", () => {
    expect(copyValue("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    // A literal backslash-N is data, not NULL.
    expect(copyValue("\\N")).toBe("\\\\N");
  });
  it("replaces NUL, which PostgreSQL text cannot hold", () => {
    expect(copyValue("a\u0000b")).toBe("a\uFFFDb");
  });
});

describe("copyLine", () => {
  it("joins values with tabs and ends the line", () => {
    expect(copyLine(["x", null, 3, "<Event>\n</Event>"])).toBe("x\t\\N\t3\t<Event>\\n</Event>\n");
  });
});
