import { describe, expect, it } from "vitest";
import { guardStateChange } from "./browserGuard";

const headers = (values: Record<string, string>) => new Headers(values);
const outcome = (method: string, values: Record<string, string>, publicUrl?: string) => {
  try {
    guardStateChange(method, headers(values), publicUrl);
    return "pass";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("state-changing requests from browsers", () => {
  const json = { host: "kms.example:8080", "content-type": "application/json", "content-length": "2" };
  it.each([
    ["same origin", { ...json, origin: "http://kms.example:8080" }, "pass"],
    ["no Origin, no Sec-Fetch-Site (agents, curl)", json, "pass"],
    ["no Origin, same-origin fetch", { ...json, "sec-fetch-site": "same-origin" }, "pass"],
    ["foreign origin", { ...json, origin: "http://evil.example" }, "forbidden"],
    ["same host name, other port", { ...json, origin: "http://kms.example:9090" }, "forbidden"],
    ["Origin: null", { ...json, origin: "null" }, "forbidden"],
    ["no Origin, cross-site fetch", { ...json, "sec-fetch-site": "cross-site" }, "forbidden"],
    ["no Origin, same-site (sibling sub-domain)", { ...json, "sec-fetch-site": "same-site" }, "forbidden"],
    ["text/plain body", { ...json, "content-type": "text/plain" }, "unsupported_media_type"],
    ["form body", { ...json, "content-type": "application/x-www-form-urlencoded" }, "unsupported_media_type"],
    ["body without a type", { host: "kms.example:8080", "content-length": "5" }, "unsupported_media_type"],
    ["JSON with a charset", { ...json, "content-type": "application/json; charset=utf-8" }, "pass"],
    ["no body at all (sign-out, revoke)", { host: "kms.example:8080" }, "pass"],
  ])("%s", (_name, values, expected) => {
    expect(outcome("POST", values)).toBe(expected);
  });

  it("accepts the public URL's origin behind a proxy and leaves reads alone", () => {
    expect(outcome("DELETE", { host: "10.0.0.5:3000", origin: "https://kms.corp" }, "https://kms.corp")).toBe("pass");
    expect(outcome("GET", { host: "a", origin: "http://evil.example", "content-type": "text/plain" })).toBe("pass");
  });
});
