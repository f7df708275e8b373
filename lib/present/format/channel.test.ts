import { describe, expect, it } from "vitest";
import { describeChannel, hostPort } from "./channel";

describe("describeChannel", () => {
  it("recognizes KMS clients (GVLK)", () => {
    expect(describeChannel("VOLUME_KMSCLIENT", "Volume:GVLK")).toEqual({ label: "Volume:GVLK", isGvlk: true, note: null });
    expect(describeChannel("VOLUME_KMSCLIENT", null).isGvlk).toBe(true);
  });
  it("flags MAK, retail and OEM as not GVLK", () => {
    for (const [c, k] of [
      ["VOLUME_MAK", "Volume:MAK"],
      ["RETAIL", "Retail"],
      ["OEM_DM", "OEM:DM"],
    ]) {
      const info = describeChannel(c, k);
      expect(info.isGvlk).toBe(false);
      expect(info.note).toBeTruthy();
    }
  });
  it("recognizes a KMS host key", () => {
    expect(describeChannel("VOLUME_KMS_WS22", "Volume:CSVLK").note).toMatch(/KMS host/);
  });
  it("is unknown when nothing is known", () => {
    expect(describeChannel(null, null)).toEqual({ label: "—", isGvlk: null, note: null });
    expect(describeChannel("SOMETHING_NEW", null).isGvlk).toBeNull();
  });
});

describe("hostPort", () => {
  it("joins host and port", () => {
    expect(hostPort("kms01.corp", 1688)).toBe("kms01.corp:1688");
    expect(hostPort("kms01.corp", null)).toBe("kms01.corp");
    expect(hostPort(null, 1688)).toBe("—");
  });
});
