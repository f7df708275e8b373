// Raw text kept compressed by the server: PostgreSQL compresses a value only when its row is over ~2 KB,
// and most raw artifacts (a /dlv text, a CIM document) and every event XML are under that. Raw deflate (no
// header). Packed values (packText) start with one byte naming the preset dictionary deflate was primed with
// (lib/core/textDictionaries.ts): the same words on every machine are then stored once, in the code.
import { constants, createDeflateRaw, type DeflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import { DICTIONARY_ID, TEXT_DICTIONARIES, type TextKind } from "@/lib/core/textDictionaries";

export const deflateText = (text: string): Buffer => deflateRawSync(Buffer.from(text, "utf8"), { level: 6 });

export const inflateText = (bytes: Uint8Array): string => inflateRawSync(bytes).toString("utf8");

const dictionaries = new Map<number, Buffer>(
  Object.entries(TEXT_DICTIONARIES).map(([id, text]) => [Number(id), Buffer.from(text, "utf8")]),
);

const PACK_OPTIONS = { level: 9 } as const;

/** Node's zlib handle behind a DeflateRaw stream: written synchronously, as deflateRawSync itself does. */
type ZlibHandle = {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
};
type Packer = { engine: DeflateRaw; handle: ZlibHandle; state: Uint32Array };

// deflateRawSync builds a stream and a zlib state (~256 KB, zeroed) for every value, and an event's XML is
// only ~1 KB: that set-up was half of packing 500 events. One state per dictionary (and per thread: module
// state) is reset (zlib's deflateReset, which primes the dictionary again) and reused instead; the bytes are
// those deflateRawSync gives (deflate.test.ts compares them). The handle and its write state are Node's
// internals: where they are missing, or a write fails, packing goes back to deflateRawSync.
const packers = new Map<number, Packer | null>();

function packerFor(id: number): Packer | null {
  let packer = packers.get(id);
  if (packer !== undefined) return packer;
  const engine = createDeflateRaw({ ...PACK_OPTIONS, dictionary: dictionaries.get(id) });
  // A zlib error destroys the stream and emits it: handled here (the value is packed the usual way instead).
  engine.on("error", () => packers.set(id, null));
  const internals = engine as unknown as { _handle?: Partial<ZlibHandle>; _writeState?: unknown };
  const handle = internals._handle;
  const state = internals._writeState;
  packer = typeof handle?.writeSync === "function" && state instanceof Uint32Array ? { engine, handle: handle as ZlibHandle, state } : null;
  packers.set(id, packer);
  return packer;
}

/** `input` deflated by the reused state, behind `id`; null when it could not be (then deflateRawSync packs it). */
function packReused(id: number, input: Buffer): Buffer | null {
  const packer = packerFor(id);
  if (!packer || packer.engine.destroyed) return null;
  // More than deflate's worst case (stored blocks: 5 bytes per 16 KB, plus the end), so one write finishes.
  const out = Buffer.allocUnsafe(input.length + (input.length >> 10) + 64);
  out[0] = id;
  packer.engine.reset();
  packer.handle.writeSync(constants.Z_FINISH, input, 0, input.length, out, 1, out.length - 1);
  const [outLeft, inLeft] = packer.state;
  if (packer.engine.destroyed || inLeft !== 0 || !outLeft) return null;
  return Buffer.from(out.subarray(0, out.length - outLeft));
}

/** `text` deflated with the dictionary of its kind, behind that dictionary's id. */
export function packText(text: string, kind: TextKind): Buffer {
  const id = DICTIONARY_ID[kind];
  const input = Buffer.from(text, "utf8");
  const packed = packReused(id, input);
  if (packed) return packed;
  const body = deflateRawSync(input, { ...PACK_OPTIONS, dictionary: dictionaries.get(id) });
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

/**
 * Bytes in PostgreSQL's bytea text form (`\x` and hex), which both COPY and json_to_recordset read. A packed value
 * from a parse worker arrives as a plain Uint8Array (no Buffer methods): viewed as a Buffer, not copied.
 */
export const byteaText = (bytes: Uint8Array): string =>
  `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
