import { describe, expect, it } from "vitest";
import { loginHref, safeNextPath } from "./safeNextPath";

describe("safeNextPath", () => {
  it.each([
    ["/clients/3f2c", "/clients/3f2c"],
    ["/alerts?severity=critical&rule=kms.count", "/alerts?severity=critical&rule=kms.count"],
    ["/hosts/1#trend", "/hosts/1#trend"],
    ["/hosts/../clients", "/clients"],
  ])("follows the same-site path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    "//evil.example/x",
    "https://evil.example/",
    "http:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    null,
    undefined,
    "/login",
    "/login?next=/login",
    "/api/dashboard/me",
    `/${"a".repeat(3000)}`,
  ])("refuses %s", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });
});

describe("loginHref", () => {
  it("carries the visited page, encoded", () => {
    expect(loginHref("/clients/42?tab=x")).toBe("/login?next=%2Fclients%2F42%3Ftab%3Dx");
    expect(loginHref("/")).toBe("/login");
  });
});
