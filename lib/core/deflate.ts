// Raw text kept compressed by the server: PostgreSQL compresses a value only when its row is over ~2 KB,
// and most raw artifacts (a /dlv text, a CIM document) and every event XML are under that. Raw deflate (no
// header). Packed values (packText) start with one byte naming the preset dictionary deflate was primed with
// (lib/core/textDictionaries.ts): the same words on every machine are then stored once, in the code.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { DICTIONARY_ID, TEXT_DICTIONARIES, type TextKind } from "@/lib/core/textDictionaries";

export const deflateText = (text: string): Buffer => deflateRawSync(Buffer.from(text, "utf8"), { level: 6 });

export const inflateText = (bytes: Uint8Array): string => inflateRawSync(bytes).toString("utf8");

const dictionaries = new Map<number, Buffer>(
  Object.entries(TEXT_DICTIONARIES).map(([id, text]) => [Number(id), Buffer.from(text, "utf8")]),
);

/** `text` deflated with the dictionary of its kind, behind that dictionary's id. */
export function packText(text: string, kind: TextKind): Buffer {
  const id = DICTIONARY_ID[kind];
  const body = deflateRawSync(Buffer.from(text, "utf8"), { level: 9, dictionary: dictionaries.get(id) });
  return Buffer.concat([Buffer.of(id), body]);
}

/** The text packText packed, byte for byte. */
export function unpackText(bytes: Uint8Array): string {
  const id = bytes[0];
  if (id === undefined) throw new Error("empty packed text");
  const dictionary = id === 0 ? undefined : dictionaries.get(id);
  if (id !== 0 && !dictionary) throw new Error(`packed text names an unknown dictionary (${id})`);
  return inflateRawSync(bytes.subarray(1), dictionary ? { dictionary } : {}).toString("utf8");
}

/** A raw artifact's text from whichever form it was stored in; null once retention removed it. */
export function storedText(row: { body: string | null; bodyDeflate: Uint8Array | null; bodyPacked: Uint8Array | null }): string | null {
  if (row.bodyPacked) return unpackText(row.bodyPacked);
  if (row.bodyDeflate) return inflateText(row.bodyDeflate);
  return row.body;
}

/** An event's XML as received: packed since 2026-12, plain before; "" once retention emptied it. */
export function storedEventXml(row: { raw_xml: string | null; raw_xml_packed: Uint8Array | null }): string {
  if (row.raw_xml_packed) return unpackText(row.raw_xml_packed);
  return row.raw_xml ?? "";
}
