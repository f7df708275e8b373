import { describe, expect, it } from "vitest";
import { newNonce, securityHeaders } from "./securityHeaders";

describe("security headers", () => {
  it("forbid framing and inline scripts without the nonce, and add HSTS only over HTTPS", () => {
    const plain = securityHeaders({ nonce: "abc", https: false, dev: false });
    expect(plain["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(plain["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(plain["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(plain["X-Frame-Options"]).toBe("DENY");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ nonce: "abc", https: true, dev: false });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ nonce: "n", https: false, dev: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });

  it("makes a different nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
