import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "@/lib/evaluate/notify/signature";

describe("webhook signature", () => {
  const secret = "0123456789abcdef-secret";
  const body = JSON.stringify({ event: "kmswatch.alerts", transitions: [{ title: "ünïcode" }] });

  it("is sha256=<hex HMAC-SHA256 of the raw UTF-8 body>", () => {
    const expected = createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("hex");
    expect(signBody(secret, body)).toBe(`sha256=${expected}`);
    expect(signBody(secret, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it("verifies the right body and secret only", () => {
    const header = signBody(secret, body);
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, `${body} `, header)).toBe(false);
    expect(verifySignature("another-secret-value", body, header)).toBe(false);
    expect(verifySignature(secret, body, null)).toBe(false);
    expect(verifySignature(secret, body, "sha256=00")).toBe(false);
  });
});
