import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_PARSE_INPUT_CHARS, parsedProductSchema } from "../../kms/parsed";
import { parseDlv } from "./dlv";
import { LOCAL, shared, local, ok, prng, SHARED_FILES } from "../../../tests/support/dlvFixtures";

describe("parseDlv: damaged and hostile input", () => {
  const host = shared("kms-host-healthy.en-US.txt");

  it("empty and whitespace-only", () => {
    for (const text of ["", "   ", "\r\n\r\n\t \u00a0\r\n", "\ufeff\u200b", "```\n```"]) {
      const r = parseDlv(text);
      expect(r.ok ? "ok" : r.error.code, JSON.stringify(text)).toBe("empty");
    }
  });

  it("a counter beyond 32 bits is damage: left empty, not stored to fail the batch", () => {
    const r = ok(parseDlv(host.replace(/Total requests received: [\d,]+/, "Total requests received: 99999999999")));
    expect(r.value[0]).toMatchObject({ partialProductKey: "7QXHV", totalRequests: null, requestsUnlicensed: 12 });
  });

  it("prose that happens to contain Name:/Description: is not a product", () => {
    const r = parseDlv("Name: John Smith\nDescription: printer on floor 2 is broken\nThanks\n");
    expect(r.ok ? "ok" : r.error.code).toBe("not_recognized");
  });

  it("truncated in the middle of a line keeps what was complete", () => {
    const cut = host.slice(0, host.indexOf("Requests with License Status Licensed") + 20);
    const r = ok(parseDlv(cut));
    expect(r.value[0]).toMatchObject({ partialProductKey: "7QXHV", totalRequests: 18342, requestsUnlicensed: 12, requestsLicensed: null });
    expect(r.unrecognized).toEqual(["Requests with Licens"]);

    const client = shared("client-kms-licensed-dns.en-US.txt");
    const cut2 = client.slice(0, client.indexOf("Client Machine ID (CMID): ") + 35);
    const r2 = ok(parseDlv(cut2));
    expect(r2.value[0]).toMatchObject({ licenseStatus: "Licensed", cmid: null, kmsHost: null });
    expect(r2.warnings.some((w) => w.includes("CMID") && w.includes("not a GUID"))).toBe(true);

    const r3 = ok(parseDlv(client.slice(0, client.indexOf("License Status"))));
    expect(r3.value[0]!.partialProductKey).toBe("2YT43");
    expect(r3.warnings.some((w) => w.includes("no License Status line"))).toBe(true);
  });

  it("paste starting mid-block still yields a product", () => {
    const r = ok(parseDlv(host.slice(host.indexOf("Partial Product Key"))));
    expect(r.value[0]).toMatchObject({ name: null, partialProductKey: "7QXHV", isKmsHost: true, serviceVersion: null });
    expect(r.warnings.some((w) => w.includes("no Name line"))).toBe(true);
  });

  it("binary garbage is not recognized", () => {
    const rnd = prng(7);
    let bin = "";
    for (let i = 0; i < 200_000; i++) bin += String.fromCharCode(Math.floor(rnd() * 256));
    const r = parseDlv(bin);
    expect(r.ok ? "ok" : r.error.code).toBe("not_recognized");
  });

  it("10 MB of noise is refused as too_large without scanning", () => {
    const rnd = prng(1);
    const chunk = Array.from({ length: 4096 }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join("");
    const big = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const r = parseDlv(big);
    expect(r.ok ? "ok" : r.error.code).toBe("too_large");
    expect(parseDlv("x".repeat(MAX_PARSE_INPUT_CHARS + 1)).ok).toBe(false);
  });

  it("~1.5 MB of noise lines finishes; with a fixture inside, unrecognized is capped", () => {
    const rnd = prng(42);
    const lines: string[] = [];
    let size = 0;
    while (size < 1_500_000) {
      const n = Math.floor(rnd() * 120);
      let l = "";
      for (let i = 0; i < n; i++) l += String.fromCharCode(32 + Math.floor(rnd() * 95));
      lines.push(l);
      size += n + 1;
    }
    const noise = lines.join("\n");
    const r = parseDlv(noise);
    expect(r.ok ? "ok" : r.error.code).toBe("not_recognized");

    const half = Math.floor(lines.length / 2);
    const mixed = [...lines.slice(0, half), "", host, "", ...lines.slice(half)].join("\n");
    const r2 = ok(parseDlv(mixed));
    expect(r2.value[0]).toMatchObject({ partialProductKey: "7QXHV", totalRequests: 18342 });
    expect(r2.unrecognized.length).toBe(50);
    expect(r2.warnings.some((w) => /unrecognized lines, only the first 50/.test(w))).toBe(true);
  });

  it("degenerate shapes stay linear (long lines, floods of lines, endless continuations)", () => {
    const cases = [
      `Description: ${"a".repeat(1_900_000)}`,
      "a\n".repeat(900_000),
      `Installation ID: 1\n${"1234567890\n".repeat(170_000)}`,
      `<p ${"x".repeat(1_900_000)}`,
      `${"> ".repeat(900_000)}x`,
      "*".repeat(1_900_000),
      "Name: x\nLicense Status: Licensed\n".repeat(60_000),
    ];
    for (const text of cases) {
      const r = parseDlv(text);
      if (r.ok) expect(r.value.length).toBeLessThanOrEqual(1000);
    }
  });

  it("never throws and always returns a ParseResult (random slices and mutations of every fixture)", () => {
    const rnd = prng(2024);
    const texts = [...SHARED_FILES.map(shared), ...readdirSync(LOCAL).map(local)];
    const junk = ["\u0000", "\ufffd", ":", "\r", "\n", "<br>", "&amp;", "**", "`", "\u00a0", "0x", "[", "]", "é", "’"];
    for (let i = 0; i < 400; i++) {
      const t = texts[Math.floor(rnd() * texts.length)]!;
      const a = Math.floor(rnd() * t.length);
      const b = a + Math.floor(rnd() * (t.length - a + 1));
      let s = t.slice(a, b);
      for (let k = Math.floor(rnd() * 5); k > 0; k--) {
        const at = Math.floor(rnd() * (s.length + 1));
        s = s.slice(0, at) + junk[Math.floor(rnd() * junk.length)] + s.slice(at);
      }
      const r = parseDlv(s);
      if (r.ok) {
        expect(r.value.length).toBeGreaterThan(0);
        for (const p of r.value) parsedProductSchema.parse(p);
        expect(r.unrecognized.length).toBeLessThanOrEqual(50);
      } else {
        expect(["empty", "not_recognized", "too_large", "malformed"]).toContain(r.error.code);
        expect(r.error.code).not.toBe("malformed");
      }
    }
  });

  it("a non-string slipping past the type system is reported, not thrown", () => {
    const r = parseDlv(undefined as unknown as string);
    expect(r.ok ? "ok" : r.error.code).toBe("malformed");
  });
});
