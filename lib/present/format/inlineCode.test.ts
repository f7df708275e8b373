import { describe, expect, it } from "vitest";
import { splitInlineCode } from "./inlineCode";

describe("splitInlineCode", () => {
  it("marks text between backticks as code", () => {
    expect(splitInlineCode("Run `slmgr.vbs /ato` then `slui 4`.")).toEqual([
      { text: "Run ", code: false },
      { text: "slmgr.vbs /ato", code: true },
      { text: " then ", code: false },
      { text: "slui 4", code: true },
      { text: ".", code: false },
    ]);
  });

  it("plain text stays one part; empty text gives none", () => {
    expect(splitInlineCode("Nothing to do.")).toEqual([{ text: "Nothing to do.", code: false }]);
    expect(splitInlineCode("")).toEqual([]);
  });

  it("keeps an unmatched backtick as text", () => {
    expect(splitInlineCode("a `b` c `d")).toEqual([
      { text: "a ", code: false },
      { text: "b", code: true },
      { text: " c ", code: false },
      { text: "`d", code: false },
    ]);
  });
});
