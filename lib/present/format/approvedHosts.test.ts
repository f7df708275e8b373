import { describe, expect, it } from "vitest";
import { matchingApprovedEntry, unusedApproved } from "./approvedHosts";

describe("matchingApprovedEntry", () => {
  const approved = ["kms01.corp.example.com", "kms02", "10.0.0.9"];
  it("matches a full name exactly, case-insensitively", () => {
    expect(matchingApprovedEntry(approved, "KMS01.corp.example.com.")).toBe("kms01.corp.example.com");
  });
  it("matches a short approved entry against an FQDN", () => {
    expect(matchingApprovedEntry(approved, "kms02.corp.example.com")).toBe("kms02");
  });
  it("matches a short host name against an approved FQDN", () => {
    expect(matchingApprovedEntry(approved, "kms01")).toBe("kms01.corp.example.com");
  });
  it("does not shorten IP addresses", () => {
    expect(matchingApprovedEntry(approved, "10.0.0.9")).toBe("10.0.0.9");
    expect(matchingApprovedEntry(approved, "10.0.0.1")).toBeNull();
  });
  it("is null for an unknown or empty host", () => {
    expect(matchingApprovedEntry(approved, "rogue.corp.example.com")).toBeNull();
    expect(matchingApprovedEntry(approved, "  ")).toBeNull();
    expect(matchingApprovedEntry([], "kms01")).toBeNull();
  });
});

describe("unusedApproved", () => {
  it("lists approved entries nobody uses", () => {
    expect(unusedApproved(["kms01", "kms02.corp"], ["kms01.corp", "rogue"])).toEqual(["kms02.corp"]);
  });
});
