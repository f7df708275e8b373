import { describe, expect, it } from "vitest";
import { cursorValue, decodeClientCursor, encodeClientCursor, sortKeyOf, type ClientCursor } from "./clientCursor";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("client cursors", () => {
  it("round-trip every kind of sort value, null included", () => {
    const cursors: ClientCursor[] = [
      { sort: "fqdn", value: "pc-01.corp", fqdn: "pc-01.corp" },
      { sort: "-fqdn", value: "pc-01.corp", fqdn: "pc-01.corp" },
      { sort: "-lastCheckIn", value: "2026-12-05T12:00:00.123Z", fqdn: "pc-02.corp" },
      { sort: "expires", value: null, fqdn: "pc-03.corp" },
      { sort: "worst", value: 0, fqdn: "pc-04.corp" },
      { sort: "-edition", value: "Windows 11 Éducation", fqdn: "pc-05.corp" },
    ];
    for (const cursor of cursors) {
      const text = encodeClientCursor(cursor);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeClientCursor(text)).toEqual(cursor);
    }
  });

  it("refuses what this server did not make: bad base64, not JSON, wrong shape, a value of the wrong type", () => {
    const bad = [
      "",
      "not a cursor",
      b64("pc-01.corp"),
      b64("[1,2]"),
      b64(JSON.stringify({ s: "fqdn", v: "a" })),
      b64(JSON.stringify({ s: "password_hash", v: "a", f: "x" })),
      b64(JSON.stringify({ s: "fqdn", v: "a", f: "x", extra: 1 })),
      b64(JSON.stringify({ s: "-lastCheckIn", v: "yesterday", f: "x" })),
      b64(JSON.stringify({ s: "-lastCheckIn", v: 1733400000, f: "x" })),
      b64(JSON.stringify({ s: "worst", v: 7, f: "x" })),
      b64(JSON.stringify({ s: "worst", v: "0", f: "x" })),
      b64(JSON.stringify({ s: "edition", v: 3, f: "x" })),
      b64(JSON.stringify({ s: "edition", v: "a", f: "" })),
      "A".repeat(1401),
    ];
    for (const text of bad) expect(decodeClientCursor(text), text).toBeNull();
  });

  it("keeps a database row's value as JSON can carry it", () => {
    expect(cursorValue(new Date("2026-12-05T12:00:00.123Z"))).toBe("2026-12-05T12:00:00.123Z");
    expect(cursorValue(2)).toBe(2);
    expect(cursorValue("RETAIL")).toBe("RETAIL");
    expect(cursorValue(null)).toBeNull();
    expect(cursorValue(undefined)).toBeNull();
  });

  it("reads the column of a sort value", () => {
    expect(sortKeyOf("-lastCheckIn")).toBe("lastCheckIn");
    expect(sortKeyOf("worst")).toBe("worst");
    expect(sortKeyOf("nonsense")).toBe("fqdn");
  });
});
