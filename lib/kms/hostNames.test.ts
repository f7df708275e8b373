import { describe, expect, it } from "vitest";
import { normalizeHostName, shortHostName } from "./hostNames";

describe("normalizeHostName", () => {
  it.each([
    ["KMS01.corp.contoso.com:1688", "kms01.corp.contoso.com"],
    [" kms01.corp.contoso.com. ", "kms01.corp.contoso.com"],
    ["[fe80::1]:1688", "fe80::1"],
    ["fe80::1", "fe80::1"],
    ["10.20.0.15:1688", "10.20.0.15"],
    ["", null],
    [null, null],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeHostName(raw)).toBe(expected);
  });

  it("shortens FQDNs but not addresses", () => {
    expect(shortHostName("kms01.corp.contoso.com")).toBe("kms01");
    expect(shortHostName("10.20.0.15")).toBe("10.20.0.15");
  });
});
