import { describe, expect, it } from "vitest";
import { fieldLabel, formatFieldValue, presentFields } from "./parsedFields";

describe("parsed fields", () => {
  it("lists fields that have a value in any item", () => {
    expect(
      presentFields([
        { a: null, b: 1, c: "" },
        { a: false, d: null },
      ]),
    ).toEqual(["b", "a"]);
    expect(presentFields([])).toEqual([]);
  });
  it("formats values", () => {
    expect(formatFieldValue(null)).toBe("—");
    expect(formatFieldValue(true)).toBe("yes");
    expect(formatFieldValue(false)).toBe("no");
    expect(formatFieldValue(1688)).toBe("1688");
    expect(formatFieldValue({ x: 1 })).toBe('{"x":1}');
  });
  it("labels field names", () => {
    expect(fieldLabel("licenseStatus")).toBe("license status");
    expect(fieldLabel("kmsHostIp")).toBe("KMS host IP");
    expect(fieldLabel("cmid")).toBe("CMID");
    expect(fieldLabel("renewalIntervalMin")).toBe("renewal interval (min)");
    expect(fieldLabel("activationId")).toBe("activation ID");
    expect(fieldLabel("remainingSkuRearmCount")).toBe("remaining SKU rearm count");
  });
});
