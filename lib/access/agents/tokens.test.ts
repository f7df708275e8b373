import { describe, expect, it } from "vitest";
import { bearerToken, hashToken, newAgentToken, secretsEqual } from "./tokens";

describe("agent tokens", () => {
  it("creates distinct tokens whose hash is stored, never the token", () => {
    const a = newAgentToken();
    const b = newAgentToken();
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
    expect(a.token.startsWith(a.tokenPrefix)).toBe(true);
    expect(a.token.length).toBeGreaterThan(40);
  });

  it("reads only well-formed bearer headers", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer  abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("compares secrets of different lengths without throwing", () => {
    expect(secretsEqual("a", "a")).toBe(true);
    expect(secretsEqual("a", "ab")).toBe(false);
  });
});
