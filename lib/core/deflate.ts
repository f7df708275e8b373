// Raw text kept compressed by the server: PostgreSQL compresses a value only when its row is over ~2 KB,
// and most raw artifacts (a /dlv text, a CIM document) are just under that. Raw deflate (no header): the
// stored bytes are the text's, and any zlib reads them back.
import { deflateRawSync, inflateRawSync } from "node:zlib";

export const deflateText = (text: string): Buffer => deflateRawSync(Buffer.from(text, "utf8"), { level: 6 });

export const inflateText = (bytes: Uint8Array): string => inflateRawSync(bytes).toString("utf8");

/** A raw artifact's text from whichever form it was stored in; null once retention removed it. */
export function storedText(row: { body: string | null; bodyDeflate: Uint8Array | null }): string | null {
  if (row.bodyDeflate) return inflateText(row.bodyDeflate);
  return row.body;
}
