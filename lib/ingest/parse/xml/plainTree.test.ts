import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_NESTING, parseElementTree, parseWithSaxes, type XmlElement } from "./elementTree";
import { plainElementTree } from "./plainTree";

const FIXTURES = "../shared/fixtures/events";
const events = readdirSync(FIXTURES).flatMap(
  (file) => readFileSync(path.join(FIXTURES, file), "utf8").match(/<Event[\s>][\s\S]*?<\/Event>/g) ?? [],
);
const identity = { name: (n: string) => n, attrs: (a: Record<string, string>) => a, maxNesting: MAX_NESTING };

/** A small deterministic generator, so a failure names the seed that found it. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

const MUTATIONS = [
  "<",
  ">",
  "/",
  "'",
  '"',
  "=",
  "&",
  "&amp;",
  " ",
  "\r\n",
  "\t",
  "é",
  "\u0001",
  "]]>",
  "<!--x-->",
  "<x>",
  "</x>",
  "<?p?>",
  "a:b",
  "xmlns='u' ",
];

describe("plainElementTree", () => {
  it("takes the agents' own events (fixtures) and builds saxes' very tree", () => {
    expect(events.length).toBeGreaterThan(10);
    for (const xml of events) {
      const plain = parseElementTree(xml);
      const reference = parseWithSaxes(xml);
      expect(plain).toEqual(reference);
      // The fixtures are plain XML: they go through the fast path (not only through saxes).
      expect(xml.includes("\r") || plainElementTree(xml, identity) !== null).toBe(true);
    }
  });

  it("never accepts what saxes refuses, nor reads it otherwise (thousands of mutated events)", () => {
    let taken = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const next = random(seed);
      let xml = events[next(events.length)] as string;
      for (let k = 0; k <= next(3); k++) {
        const at = next(xml.length);
        const cut = next(4);
        xml = xml.slice(0, at) + (MUTATIONS[next(MUTATIONS.length)] as string) + xml.slice(at + cut);
      }
      const reference = parseWithSaxes(xml);
      const plain = parseElementTree(xml);
      if (plainElementTree(xml, identity) !== null) taken += 1;
      expect({ seed, result: plain }).toEqual({ seed, result: reference });
    }
    // Many mutations keep the XML plain and well-formed: the comparison covered the fast path, not only its refusals.
    expect(taken).toBeGreaterThan(200);
  });

  it("leaves to saxes what it does not read: entities, CDATA, comments, carriage returns, a second root, deep nesting", () => {
    for (const xml of [
      "<a>x &amp; y</a>",
      "<a><![CDATA[x]]></a>",
      "<a><!-- c --></a>",
      "<a>x\r\ny</a>",
      "<a/><b/>",
      "<a x='1' x='2'/>",
      "<a></b>",
      `${"<a>".repeat(MAX_NESTING + 2)}${"</a>".repeat(MAX_NESTING + 2)}`,
    ])
      expect(plainElementTree(xml, identity)).toBeNull();
    const tree = plainElementTree("<e:Event xmlns:e='u'> <S a='1'/> t <T>u</T> v </e:Event>", identity) as XmlElement;
    expect(tree).toEqual({
      name: "e:Event",
      attrs: { "xmlns:e": "u" },
      text: "tv",
      children: [
        { name: "S", attrs: { a: "1" }, text: "", children: [] },
        { name: "T", attrs: {}, text: "u", children: [] },
      ],
    });
  });
});
