import { describe, expect, it } from "vitest";
import { KNOWN_HRESULTS, STATUS_FLAGS, describeHresult, formatHresult, statusFlagNames } from "./hresults";

describe("formatHresult", () => {
  it.each([
    [0, "0x00000000"],
    ["0x0", "0x00000000"],
    ["0x00000000", "0x00000000"],
    ["0xc004f074", "0xC004F074"],
    ["  0XC004F06C ", "0xC004F06C"],
    ["0x4000008", "0x04000008"],
    ["0x0000000C004F038", "0xC004F038"],
    ["C004F074", "0xC004F074"],
    [1074065420, "0x4004F00C"],
    ["1074065420", "0x4004F00C"],
    [-1073418231, "0xC004F009"],
    ["-1073418231", "0xC004F009"],
    [3221549172, "0xC004F074"],
    [4294967295, "0xFFFFFFFF"],
    [-1, "0xFFFFFFFF"],
  ])("%j -> %s", (input, expected) => {
    expect(formatHresult(input)).toBe(expected);
  });

  it.each([[null], [undefined], [""], ["abc"], ["0x123456789"], [1.5], [4294967296], [-2147483649], [NaN]])("%j -> null", (input) => {
    expect(formatHresult(input)).toBeNull();
  });

  it("reads an all-digit string as decimal, never as bare hex", () => {
    expect(formatHresult("12345678")).toBe("0x00BC614E");
  });
});

describe("known HRESULT table", () => {
  it("covers every code of kms-formats.md section 4 with meaning and fix", () => {
    const section4 = [
      "0xC004F038",
      "0xC004F039",
      "0xC004F041",
      "0xC004F042",
      "0xC004F074",
      "0x8007232B",
      "0x8007251D",
      "0x8007232A",
      "0x800706BA",
      "0xC004F06C",
      "0xC004F050",
      "0xC004C003",
      "0xC004C008",
      "0xC004F009",
      "0xC004F035",
      "0x80070005",
    ];
    for (const code of section4) {
      const info = KNOWN_HRESULTS.get(code);
      expect(info, code).toBeDefined();
      expect(info?.meaning.length).toBeGreaterThan(5);
      expect(info?.fix.length).toBeGreaterThan(5);
    }
    for (const key of KNOWN_HRESULTS.keys()) expect(key).toMatch(/^0x[0-9A-F]{8}$/);
  });

  it("looks codes up in any spelling", () => {
    expect(describeHresult(-1073418124)?.code).toBe("0xC004F074");
    expect(describeHresult("0x80072338")?.meaning).toContain("BADSIG");
    expect(describeHresult("0xC004F038")?.fix).toContain("duplicate CMIDs");
    expect(describeHresult("0x12345678")).toBeNull();
    expect(describeHresult("garbage")).toBeNull();
  });
});

describe("status flags", () => {
  it("names the 12288/12289 Status bits", () => {
    expect(STATUS_FLAGS.map((f) => f.bit)).toEqual([0x8, 0x1000000, 0x2000000, 0x4000000, 0x8000000]);
    expect(statusFlagNames("0x04000008")).toEqual(["SL_VL_BINDING_STATUS_OTHER_PC", "SL_VL_BINDING_ERROR_NOT_ENOUGH_COUNT"]);
    expect(statusFlagNames("0x00000000")).toEqual([]);
    expect(statusFlagNames(0x09000000)).toEqual([
      "SL_VL_BINDING_ERROR_NO_BINDING_SERVER_REGISTRATION",
      "SL_VL_BINDING_ERROR_NOT_WINDOWS_SLP",
    ]);
    expect(statusFlagNames("0x02000001")).toEqual(["SL_VL_BINDING_ERROR_INVALID_REGISTRATION_DATA_TYPE", "0x00000001"]);
    expect(statusFlagNames("nope")).toEqual([]);
  });
});
