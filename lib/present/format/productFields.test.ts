import { describe, expect, it } from "vitest";
import { WINDOWS_APP_ID as WINDOWS_APPLICATION_ID } from "@/lib/kms/appIds";
import { kmsHostSourceLabel, readProductExtras, windowsFirst } from "./productFields";

describe("readProductExtras", () => {
  it("reads the known fields", () => {
    const known = {
      productKeyChannel: "Volume:GVLK",
      partialProductKey: "W269N",
      graceRemainingMin: 259200,
      kmsHostSource: "dns",
      notificationReason: null,
      kmsHostIp: "10.0.0.5",
    };
    expect(readProductExtras({ ...known, applicationId: WINDOWS_APPLICATION_ID })).toMatchObject(known);
  });
  it("treats wrong types and non-objects as unknown", () => {
    const empty = readProductExtras(null);
    expect(Object.values(empty).every((v) => v === null)).toBe(true);
    expect(readProductExtras([1, 2]).partialProductKey).toBeNull();
    expect(readProductExtras({ graceRemainingMin: "12", kmsHostSource: "ldap", partialProductKey: 5 })).toMatchObject({
      graceRemainingMin: null,
      kmsHostSource: null,
      partialProductKey: null,
    });
  });
  it("labels the host source", () => {
    expect(kmsHostSourceLabel("dns")).toMatch(/DNS/);
    expect(kmsHostSourceLabel("registered")).toMatch(/skms/);
    expect(kmsHostSourceLabel(null)).toMatch(/unknown/);
  });
  it("puts Windows first", () => {
    const office = { name: "Office 21", parsed: { applicationId: "0ff1ce15-a989-479d-af46-f275c6370663" } };
    const windows = { name: "Windows", parsed: { applicationId: WINDOWS_APPLICATION_ID.toUpperCase() } };
    expect(windowsFirst([office, windows])).toEqual([windows, office]);
  });
});
