import { describe, expect, it } from "vitest";
import { deflateText, inflateText, storedText } from "./deflate";

describe("deflate", () => {
  it("gives back the exact text (line endings, non-ASCII, NUL-free) and is smaller for a /dlv-like text", () => {
    const text = `Nom : Windows(R), Professional edition\r\nÉtat de la licence : Avec licence\r\n${"Intervalle : 120 minutes\r\n".repeat(40)}`;
    const bytes = deflateText(text);
    expect(inflateText(bytes)).toBe(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 3);
  });

  it("reads the compressed form first, then the text of rows stored before compression, else null (pruned)", () => {
    expect(storedText({ body: null, bodyDeflate: deflateText("new") })).toBe("new");
    expect(storedText({ body: "old", bodyDeflate: null })).toBe("old");
    expect(storedText({ body: null, bodyDeflate: null })).toBeNull();
  });
});
