// Turns a raw paste (console, forum, e-mail, transcript) into clean lines. Every step is a single
// linear pass or a regex without nested quantifiers, so a 2 MB paste cannot stall the parser.

export type CleanLine = {
  /** After decoding and markup removal, leading indentation and trailing spaces kept (wrap joins need them). */
  raw: string;
  /** Trimmed, runs of spaces collapsed. Empty for blank lines and code fences. */
  text: string;
};

export type NormalizedText = { lines: CleanLine[]; warnings: string[] };

// cp850 bytes 0x80..0x9F; a cp850 file read as latin1 leaves these C1 controls, which real text never has.
const CP850_C1 = "ÇüéâäåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒ";

// Windows-1252 printable chars in 0x80..0x9F, to get the bytes back from UTF-8 read as cp1252.
const CP1252_HIGH: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const MOJIBAKE_HINT = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/;

/** UTF-8 bytes shown as latin1/cp1252 ("Ã©tat", "dâ€™activation"): re-decode, or keep the text. */
function repairUtf8Mojibake(s: string): string | null {
  if (!MOJIBAKE_HINT.test(s)) return null;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c < 0x100 ? c : CP1252_HIGH[s[i]!];
    if (b === undefined) return null;
    bytes[i] = b;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function repairCp850(s: string): string | null {
  if (!/[\u0080-\u009f]/.test(s)) return null;
  return s.replace(/[\u0080-\u009f]/g, (c) => CP850_C1[c.charCodeAt(0) - 0x80]!);
}

const BLOCK_TAG = /<\/?(?:br|p|div|pre|li|tr|ul|ol|table|tbody|thead|blockquote|h[1-6])\b[^<>]{0,200}>/gi;
const INLINE_TAG = /<\/?(?:code|span|b|strong|i|em|tt|kbd|samp|font|td|th|a|u|small|html|body)\b[^<>]{0,200}>/gi;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(nbsp|amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntity(m: string, dec?: string, hex?: string, named?: string): string {
  if (named) return NAMED[named.toLowerCase()] ?? m;
  const code = dec ? Number(dec) : parseInt(hex ?? "", 16);
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
}

function stripHtml(s: string): string | null {
  if (!/<\/?[a-z]|&(?:#|[a-z]{2,4};)/i.test(s)) return null;
  const out = s.replace(BLOCK_TAG, "\n").replace(INLINE_TAG, "").replace(ENTITY, decodeEntity);
  return out === s ? null : out;
}

const MARKUP_CHAR = /[>`*\\~•·+-]/;
const FENCE = /^\s*(?:```|~~~)/;
const QUOTE = /^ {0,3}>[ \t]?/;
const BULLET = /^\s*[-*+•·][ \t]+/;

/** Removes what forums and chat clients add around a console paste; reports whether it did. */
function stripMarkdown(line: string): { out: string; changed: boolean } {
  // "*****" transcript rules and "---" separators: keep verbatim, they are not markup around text.
  if (/^[\s*=_~#-]*$/.test(line)) return { out: line, changed: false };
  let out = line;
  for (let i = 0; i < 8 && QUOTE.test(out); i++) out = out.replace(QUOTE, "");
  out = out.replace(BULLET, "");
  if (out.includes("**")) out = out.split("**").join("");
  if (out.includes("`")) out = out.split("`").join("");
  // Markdown escapes such as VOLUME\_KMSCLIENT. Only _ and *: "\>" is the end of every "PS C:\>" prompt.
  if (out.includes("\\")) out = out.replace(/\\([_*])/g, "$1");
  return { out, changed: out !== line };
}

export function normalizeText(input: string): NormalizedText {
  const warnings: string[] = [];
  let s = input.replace(/[\ufeff\u200b-\u200d\u2060\u00ad]/g, "");

  const utf8 = repairUtf8Mojibake(s);
  if (utf8 !== null) {
    s = utf8;
    warnings.push("UTF-8 text had been decoded as a single-byte code page: repaired (best effort)");
  }
  const cp850 = repairCp850(s);
  if (cp850 !== null) {
    s = cp850;
    warnings.push("code page 850 text had been decoded as latin1: repaired (best effort)");
  }
  const html = stripHtml(s);
  if (html !== null) {
    s = html;
    warnings.push("HTML leftovers removed");
  }
  s = s.replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ");

  let markdown = false;
  const lines: CleanLine[] = [];
  // Plain string split is several times faster than a regex split on million-line pastes.
  const unified = /[\r\u2028\u2029]/.test(s) ? s.replace(/\r\n?|\u2028|\u2029/g, "\n") : s;
  for (const physical of unified.split("\n")) {
    // Most lines carry no markup character at all: skip the markdown regexes for them (1M-line pastes).
    if (!MARKUP_CHAR.test(physical)) {
      const t = physical.trim();
      lines.push({ raw: physical, text: t.includes("  ") ? t.replace(/ {2,}/g, " ") : t });
      continue;
    }
    if (FENCE.test(physical)) {
      markdown = true;
      lines.push({ raw: "", text: "" });
      continue;
    }
    const { out, changed } = stripMarkdown(physical);
    if (changed) markdown = true;
    lines.push({ raw: out, text: out.trim().replace(/ {2,}/g, " ") });
  }
  if (markdown) warnings.push("Markdown leftovers removed");
  return { lines, warnings };
}
