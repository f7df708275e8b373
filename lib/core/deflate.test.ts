import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflateText, inflateText, packText, storedEventXml, storedText, unpackText } from "./deflate";
import { DICTIONARY_ID, TEXT_DICTIONARIES } from "./textDictionaries";

/** sha256 prefixes of the dictionaries as first released: a change here means stored values no longer unpack. */
const PINNED_HASHES = { "1": "f6d2185ad9201a54", "2": "ea77975bafd9b2ee", "3": "ca5d561f3ed45979", "4": "9d68f55abb346c21" };

describe("deflate", () => {
  it("gives back the exact text (line endings, non-ASCII, NUL-free) and is smaller for a /dlv-like text", () => {
    const text = `Nom : Windows(R), Professional edition\r\nÉtat de la licence : Avec licence\r\n${"Intervalle : 120 minutes\r\n".repeat(40)}`;
    const bytes = deflateText(text);
    expect(inflateText(bytes)).toBe(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 3);
  });

  it("reads the compressed form first, then the text of rows stored before compression, else null (pruned)", () => {
    expect(storedText({ body: null, bodyDeflate: deflateText("new"), bodyPacked: null })).toBe("new");
    expect(storedText({ body: "old", bodyDeflate: null, bodyPacked: null })).toBe("old");
    expect(storedText({ body: null, bodyDeflate: null, bodyPacked: null })).toBeNull();
  });
});

describe("packText", () => {
  const fixtures = "../shared/fixtures";
  const event = readFileSync(path.join(fixtures, "events/client-12288-success.xml"), "utf8");
  const dlv = readFileSync(path.join(fixtures, "dlv/kms-host-healthy.fr-FR.INFERRED-LABELS.txt"), "utf8");

  it("gives back every byte (a fixture event, a French /dlv, NUL, emoji, empty) and names its dictionary", () => {
    for (const [text, kind] of [
      [event, "eventXml"],
      [dlv, "dlv"],
      ["a\u0000b 😀 é\r\n", "cim"],
      ["", "eventXml"],
    ] as const) {
      const packed = packText(text, kind);
      expect(packed[0]).toBe(DICTIONARY_ID[kind]);
      expect(unpackText(packed)).toBe(text);
    }
  });

  it("stores a real event in a fraction of plain deflate's size (the dictionary holds its boilerplate)", () => {
    const packed = packText(event, "eventXml");
    expect(packed.length).toBeLessThan(deflateText(event).length / 3);
  });

  it("reads a value without dictionary (id 0) and refuses an unknown dictionary rather than guess", () => {
    expect(unpackText(Buffer.concat([Buffer.of(0), deflateText("plain")]))).toBe("plain");
    expect(() => unpackText(Buffer.concat([Buffer.of(200), deflateText("x")]))).toThrow(/unknown dictionary/);
  });

  it("keeps every dictionary byte for byte: values packed years ago must still unpack", () => {
    const hashes = Object.fromEntries(
      Object.entries(TEXT_DICTIONARIES).map(([id, text]) => [id, createHash("sha256").update(text).digest("hex").slice(0, 16)]),
    );
    expect(hashes).toEqual(PINNED_HASHES);
  });

  it("reads event XML packed, plain (before packing) or emptied by retention", () => {
    expect(storedEventXml({ raw_xml: null, raw_xml_packed: packText(event, "eventXml") })).toBe(event);
    expect(storedEventXml({ raw_xml: "<Event/>", raw_xml_packed: null })).toBe("<Event/>");
    expect(storedEventXml({ raw_xml: "", raw_xml_packed: null })).toBe("");
    expect(storedText({ body: null, bodyDeflate: null, bodyPacked: packText("cim text", "cim") })).toBe("cim text");
  });

  it("gives the very bytes of a fresh deflateRawSync while reusing its zlib state, value after value", () => {
    const fresh = (text: string, kind: keyof typeof DICTIONARY_ID) => {
      const id = DICTIONARY_ID[kind];
      const dictionary = Buffer.from(TEXT_DICTIONARIES[id], "utf8");
      return Buffer.concat([Buffer.of(id), deflateRawSync(Buffer.from(text, "utf8"), { level: 9, dictionary })]);
    };
    // Incompressible and larger than zlib's 16 KB block: the output bound must hold deflate's worst case.
    const noise = randomBytes(70_000).toString("latin1");
    const texts = [event, event.replace("12288", "12289"), "", "é😀\u0000", noise, event, dlv];
    for (const kind of ["eventXml", "dlv", "cim"] as const)
      for (const text of texts) {
        const packed = packText(text, kind);
        expect(packed.equals(fresh(text, kind))).toBe(true);
        expect(unpackText(packed)).toBe(text);
      }
  });
});
