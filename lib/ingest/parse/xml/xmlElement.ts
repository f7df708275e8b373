// The element tree both XML readers build: saxes (elementTree.ts) and the plain fast path (plainTree.ts).

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
