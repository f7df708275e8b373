import { describe, expect, it } from "vitest";
import { splitInlineCode } from "./inlineCode";

const text = (part: string) => ({ text: part, code: false });
const code = (part: string) => ({ text: part, code: true });

describe("splitInlineCode", () => {
  it("marks text between backticks as code", () => {
    expect(splitInlineCode("Run `slmgr.vbs /ato` then `slui 4`.")).toEqual([
      text("Run "),
      code("slmgr.vbs /ato"),
      text(" then "),
      code("slui 4"),
      text("."),
    ]);
  });

  it("plain text stays one part; empty text gives none", () => {
    expect(splitInlineCode("Nothing to do.")).toEqual([text("Nothing to do.")]);
    expect(splitInlineCode("")).toEqual([]);
  });

  it("keeps an unmatched backtick as text", () => {
    expect(splitInlineCode("a `b` c `d")).toEqual([text("a "), code("b"), text(" c "), text("`d")]);
  });
});
