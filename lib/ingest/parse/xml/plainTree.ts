// A fast path for the plain XML agents send (wevtutil's events): ASCII, no entity, comment, CDATA, processing
// instruction or DOCTYPE, attribute values without whitespace escapes. It builds the very tree elementTree.ts
// builds through saxes, in about half saxes' time, and answers null for anything else, which saxes then parses
// (and judges: every error message comes from there). A 500-event batch spent a third of its parsing in saxes.
import type { XmlElement } from "./xmlElement";

/** Printable ASCII, tab and line feed: no carriage return (XML rewrites it), no character XML refuses. */
const PLAIN_TEXT = /^[\t\n\x20-\x7e]*$/;
/** What plain XML never holds: entity or character references, markup declarations, PIs, CDATA ends. */
const NOT_PLAIN = /&|<!|<\?|]]>/;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a;
/** A-Z a-z _, and after the first character also 0-9 . - : (a subset of XML's names). */
const isNameChar = (c: number, first: boolean) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (!first && ((c >= 0x30 && c <= 0x3a) || c === 0x2e || c === 0x2d));

/** The attributes of every tag that has none: shared, so frozen. */
const NO_ATTRS: Record<string, string> = Object.freeze(Object.create(null));

type Tag = { closing: boolean; name: string; attrs: Record<string, string>; selfClosing: boolean; end: number };

function nameEnd(xml: string, at: number): number {
  let i = at;
  while (i < xml.length && isNameChar(xml.charCodeAt(i), i === at)) i++;
  return i;
}

function skipSpace(xml: string, at: number): number {
  let i = at;
  while (isSpace(xml.charCodeAt(i))) i++;
  return i;
}

/** The tag opening at `lt` (a `<`), its attributes as saxes gives them (a prototype-free record); null if not plain. */
function readTag(xml: string, lt: number): Tag | null {
  const closing = xml.charCodeAt(lt + 1) === 0x2f;
  const nameAt = closing ? lt + 2 : lt + 1;
  let i = nameEnd(xml, nameAt);
  if (i === nameAt) return null;
  const tag: Tag = { closing, name: xml.slice(nameAt, i), attrs: NO_ATTRS, selfClosing: false, end: 0 };
  for (;;) {
    const spaced = isSpace(xml.charCodeAt(i));
    i = skipSpace(xml, i);
    const c = xml.charCodeAt(i);
    tag.selfClosing = c === 0x2f && xml.charCodeAt(i + 1) === 0x3e && !closing;
    if (c === 0x3e || tag.selfClosing) {
      tag.end = i + (tag.selfClosing ? 2 : 1);
      return tag;
    }
    // An attribute: after whitespace, never in a closing tag, each name once.
    if (!spaced || closing) return null;
    const attrAt = i;
    i = nameEnd(xml, i);
    if (i === attrAt) return null;
    const name = xml.slice(attrAt, i);
    i = skipSpace(xml, i);
    if (xml.charCodeAt(i) !== 0x3d) return null;
    i = skipSpace(xml, i + 1);
    const quote = xml[i];
    if (quote !== "'" && quote !== '"') return null;
    const close = xml.indexOf(quote, i + 1);
    if (close < 0 || name in tag.attrs) return null;
    const value = xml.slice(i + 1, close);
    // XML turns tabs and newlines in a value into spaces, and refuses "<": left to saxes.
    if (value.includes("<") || value.includes("\t") || value.includes("\n")) return null;
    if (tag.attrs === NO_ATTRS) tag.attrs = Object.create(null);
    tag.attrs[name] = value;
    i = close + 1;
  }
}

type Build = { name: (raw: string) => string; attrs: (raw: Record<string, string>) => XmlElement["attrs"]; maxNesting: number };

/** The element tree of plain XML, or null when the input is not plain (or not well-formed, or too deep). */
export function plainElementTree(xml: string, build: Build): XmlElement | null {
  if (!PLAIN_TEXT.test(xml) || NOT_PLAIN.test(xml)) return null;
  const stack: { el: XmlElement; rawName: string }[] = [];
  let root: XmlElement | null = null;
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf("<", pos);
    const top = stack[stack.length - 1];
    if (lt !== pos) {
      // Text outside the root element may only be whitespace; inside, each run is kept trimmed.
      const text = xml.slice(pos, lt < 0 ? xml.length : lt).trim();
      if (top) top.el.text += text;
      else if (text !== "") return null;
    }
    if (lt < 0) break;
    const tag = readTag(xml, lt);
    if (!tag) return null;
    pos = tag.end;
    if (tag.closing) {
      if (top?.rawName !== tag.name) return null;
      stack.pop();
      continue;
    }
    // A second root, or nesting past the limit: saxes says which.
    if ((root && !top) || stack.length > build.maxNesting) return null;
    const el: XmlElement = { name: build.name(tag.name), attrs: build.attrs(tag.attrs), text: "", children: [] };
    if (top) top.el.children.push(el);
    else root = el;
    if (!tag.selfClosing) stack.push({ el, rawName: tag.name });
  }
  return stack.length === 0 ? root : null;
}
