import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "@/lib/evaluate/notify/signature";

describe("webhook signature", () => {
  const secret = "0123456789abcdef-secret";
  const rawBody = JSON.stringify({ event: "kmswatch.alerts", transitions: [{ title: "ünïcode" }] });
  const now = new Date("2026-12-04T10:00:00Z");
  const timestamp = String(now.getTime() / 1000);

  it("is sha256=<hex HMAC-SHA256 of '<timestamp>.<raw UTF-8 body>'>", () => {
    const expected = createHmac("sha256", secret)
      .update(Buffer.from(`${timestamp}.${rawBody}`, "utf8"))
      .digest("hex");
    expect(signWebhook(secret, timestamp, rawBody)).toBe(`sha256=${expected}`);
  });

  it("verifies the right body, timestamp and secret only, and only while the timestamp is recent", () => {
    const signature = signWebhook(secret, timestamp, rawBody);
    expect(verifyWebhook(secret, { timestamp, rawBody, signature }, now)).toBe(true);
    expect(verifyWebhook(secret, { timestamp, rawBody: `${rawBody} `, signature }, now)).toBe(false);
    expect(verifyWebhook("another-secret-value", { timestamp, rawBody, signature }, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp, rawBody, signature: null }, now)).toBe(false);
    expect(verifyWebhook(secret, { timestamp, rawBody, signature: "sha256=00" }, now)).toBe(false);
    // A replay: the same delivery ten minutes later, and the same body with a fresh timestamp but the old signature.
    expect(verifyWebhook(secret, { timestamp, rawBody, signature }, new Date(now.getTime() + 600_000))).toBe(false);
    const fresh = String(Number(timestamp) + 600);
    expect(verifyWebhook(secret, { timestamp: fresh, rawBody, signature }, new Date(now.getTime() + 600_000))).toBe(false);
  });
});
