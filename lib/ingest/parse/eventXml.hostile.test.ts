import { describe, expect, it } from "vitest";
import { parsedEventSchema } from "../../kms/parsed";
import { parseEventXml } from "./eventXml";
import { outcomeOf } from "@/tests/support/parseOutcome";

describe("parseEventXml: refusals and hostile input", () => {
  const code = outcomeOf(parseEventXml);

  it("empty / blank / BOM only", () => {
    expect(code("")).toBe("empty");
    expect(code("  \r\n\t")).toBe("empty");
    expect(code("\ufeff")).toBe("empty");
  });

  it("no event at all", () => {
    expect(code("<Events></Events>")).toBe("not_recognized");
    expect(code("Log Name: Application")).toBe("not_recognized");
  });

  it("binary garbage", () => {
    let s = "";
    for (let i = 0; i < 5000; i++) s += String.fromCharCode((i * 7919) % 256);
    expect(["not_recognized", "ok"]).toContain(code(s));
    expect(code("\u0000\u0001\u0002<\u0000E\u0000v\u0000")).toBe("not_recognized");
  });

  it("10 MB of noise is refused without being scanned", () => {
    const big = "<Event>".padEnd(10_000_000, "x<");
    expect(code(big)).toBe("too_large");
  });

  it("1.5 MB of noise finishes (no hang)", () => {
    const inputs = [
      "<Event ".repeat(200_000),
      `<Event>${"<a>".repeat(400_000)}</Event>`,
      "</Event>".repeat(180_000),
      `<Event xmlns='x'><System><EventID>12288</EventID></System><EventData><Data>${",".repeat(1_400_000)}</Data></EventData></Event>`,
      "abc<".repeat(375_000),
    ];
    for (const input of inputs) {
      const r = parseEventXml(input);
      if (r.ok) for (const i of r.value) if (i.ok) parsedEventSchema.parse(i.event);
    }
  });

  it("never throws on odd input", () => {
    expect(code(null as unknown as string)).toBe("malformed");
    expect(code("<Event/>")).toBe("ok");
    expect(code("<Event><System/></Event>")).toBe("ok");
    const r = parseEventXml("<Event><System/></Event>");
    expect(r.ok && r.value[0]).toEqual({ ok: false, raw: "<Event><System/></Event>", error: "no <System> block" });
  });
});
