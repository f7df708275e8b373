import { describe, expect, it } from "vitest";
import { MAX_NESTING, parseElementTree, type XmlElement } from "./elementTree";

function root(xml: string): XmlElement {
  const r = parseElementTree(xml);
  if (!r.ok) throw new Error(`expected a tree, got: ${r.message} (line ${r.line})`);
  return r.root;
}

const failure = (xml: string) => {
  const r = parseElementTree(xml);
  return r.ok ? null : { message: r.message, line: r.line, malformed: r.malformed };
};

describe("parseElementTree", () => {
  it("keeps names, attributes and children in document order", () => {
    const r = root("<a x='1' y=\"2\"><b/><c>t</c><b>u</b></a>");
    expect(r.name).toBe("a");
    expect({ ...r.attrs }).toEqual({ x: "1", y: "2" });
    expect(r.children.map((c) => [c.name, c.text])).toEqual([
      ["b", ""],
      ["c", "t"],
      ["b", "u"],
    ]);
  });

  it("drops one namespace prefix from names and attributes, and leaves out xmlns declarations", () => {
    const r = root("<e:Event xmlns:e='u' xmlns='v'><e:System p:Name='n' Guid='g'/><a:b:c/></e:Event>");
    expect(r.name).toBe("Event");
    expect({ ...r.attrs }).toEqual({});
    expect(r.children[0]!.name).toBe("System");
    expect({ ...r.children[0]!.attrs }).toEqual({ Name: "n", Guid: "g" });
    expect(r.children[1]!.name).toBe("a:b:c");
  });

  it("attribute lookups see no prototype", () => {
    const r = root("<a x='1'/>");
    expect(r.attrs.toString).toBeUndefined();
    expect(root("<a p:x='1'/>").attrs.constructor).toBeUndefined();
  });

  it.each([
    ["<a> x </a>", "x"],
    ["<a> x <b/> y </a>", "xy"],
    ["<a> x <?pi q?> y </a>", "xy"],
    ["<a> x <!-- c --> y </a>", "x  y"],
    ["<a> x <![CDATA[ y ]]> z </a>", "x y z"],
    ["<a><![CDATA[<&>]]></a>", "<&>"],
    ["<a>\r\n \n</a>", ""],
    ["<a>a&amp;b &lt;&gt;&quot;&apos; &#65;&#x42;</a>", "a&b <>\"' AB"],
    ["<a>a&nbsp;b</a>", "a&nbsp;b"],
    ["<a>l1\r\nl2</a>", "l1\nl2"],
  ])("text of %j is %j", (xml, text) => {
    expect(root(xml).text).toBe(text);
  });

  it("decodes entities in attributes; unknown ones stay literal", () => {
    expect({ ...root("<a v='x&amp;y&#x41;&nbsp;'/>").attrs }).toEqual({ v: "x&yA&nbsp;" });
  });

  it.each([
    ["<a><b></a>", "unexpected close tag.", 1],
    ["<a>\n<b x=1/></a>", "unquoted attribute value.", 2],
    ["<a x='1' x='2'/>", "duplicate attribute: x.", 1],
    ["<a>\n\n<b>\n</a>", "unexpected close tag.", 4],
    ["<a>x</a><b/>", "documents may contain only one root.", 1],
    ["<a>x</a>y", "text data outside of root node.", 1],
    ["<a>&#xD800;</a>", "malformed character entity.", 1],
    ["<a>\u0001</a>", "disallowed character.", 1],
    ["<a>\n<b>Tom & Jerry</b>\n</a>", 'stray "&" (write it as &amp;)', 2],
    ["<a>\n<b c='x & y'/>;\n</a>", 'stray "&" (write it as &amp;)', 2],
    ["", "document must contain a root element.", 1],
  ])("%j fails: %s (line %d)", (xml, message, line) => {
    expect(failure(xml)).toEqual({ message, line, malformed: true });
  });

  it(`refuses more than ${MAX_NESTING} levels below the root, without recursing`, () => {
    const nest = (n: number) => `<r>${"<a>".repeat(n)}${"</a>".repeat(n)}</r>`;
    expect(parseElementTree(nest(MAX_NESTING)).ok).toBe(true);
    expect(failure(nest(MAX_NESTING + 1))).toMatchObject({ malformed: false, message: expect.stringMatching(/nested more than/) });
    expect(failure(nest(200_000))?.malformed).toBe(false);
  });
});
