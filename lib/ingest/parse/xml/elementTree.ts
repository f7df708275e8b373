// A small element tree over saxes (strict, well-formedness checking), shaped like the fast-xml-parser
// output eventXml.ts was written against, so the two agree on what an event says.
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** Prototype-free, so any attribute name is safe to look up. */
export type Attrs = Readonly<Partial<Record<string, string>>>;

export type XmlElement = {
  /** Name without its namespace prefix; only a single `prefix:` is dropped, as removeNSPrefix did. */
  name: string;
  /** By name without prefix, last one winning; xmlns declarations are not attributes here. */
  attrs: Attrs;
  /** Own text: each run between child tags or PIs is trimmed, CDATA is kept as is, comments join their neighbours. */
  text: string;
  children: XmlElement[];
};

/** `malformed` is false when the input may be well-formed but is past MAX_NESTING. */
export type ElementTreeResult = { ok: true; root: XmlElement } | { ok: false; message: string; line: number; malformed: boolean };

// fast-xml-parser's default limit: deeper input was refused before, and no Windows event comes close.
export const MAX_NESTING = 100;

class TreeError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly at: number,
    readonly malformed = true,
  ) {
    super(message);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 || name.includes(":", colon + 1) ? name : name.slice(colon + 1);
}

function attrsOf(tag: SaxesTagPlain): Attrs {
  const raw = tag.attributes;
  let plain = true;
  for (const name in raw) if (name === "xmlns" || name.includes(":")) plain = false;
  // saxes makes a fresh prototype-free record per tag, so the usual prefix-free one can be kept as is.
  if (plain) return raw;
  const attrs: Record<string, string> = Object.create(null);
  for (const name in raw) if (name !== "xmlns" && !name.startsWith("xmlns:")) attrs[localName(name)] = raw[name]!;
  return attrs;
}

// saxes reads a stray "&" as an entity running to the next ";" (or the end), so its error lands far from the cause.
const ENTITY_RUN_ERROR = /^(disallowed character in entity name|unclosed tag)/;

function strayAmpersand(xml: string, e: TreeError): { message: string; line: number } | null {
  if (!ENTITY_RUN_ERROR.test(e.message)) return null;
  const at = xml.slice(0, e.at).search(/&(?!#?[^\s&;<>'"]+;)/);
  return at < 0 ? null : { message: 'stray "&" (write it as &amp;)', line: xml.slice(0, at).split("\n").length };
}

/** Parses one XML document into its root element; the first well-formedness error (with its line) fails it. */
export function parseElementTree(xml: string): ElementTreeResult {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pending = "";
  const flush = () => {
    const top = stack[stack.length - 1];
    if (pending !== "" && top) top.text += pending.trim();
    pending = "";
  };

  parser.on("error", (err) => {
    // Unknown named entities (&nbsp;) stay literal text, as fast-xml-parser left them: one stray HTML entity
    // should not cost a whole event. saxes reports them and carries on with "&name;".
    if (err.message.endsWith("undefined entity.")) return;
    throw new TreeError(err.message.replace(/^\d+:\d+: /, ""), parser.line, parser.position);
  });
  parser.on("text", (t) => {
    pending += t;
  });
  parser.on("cdata", (t) => {
    flush();
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("processinginstruction", flush);
  parser.on("opentag", (tag) => {
    flush();
    if (stack.length > MAX_NESTING) {
      const message = `elements nested more than ${MAX_NESTING} levels below the root`;
      throw new TreeError(message, parser.line, parser.position, false);
    }
    const el: XmlElement = { name: localName(tag.name), attrs: attrsOf(tag), text: "", children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on("closetag", () => {
    flush();
    stack.pop();
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    if (!(e instanceof TreeError)) throw e;
    const { message, line } = strayAmpersand(xml, e) ?? e;
    return { ok: false, message, line, malformed: e.malformed };
  }
  return root ? { ok: true, root } : { ok: false, message: "no root element", line: parser.line, malformed: true };
}
