import { describe, expect, it } from "vitest";
import { createChannelSchema, maskConfig } from "@/lib/evaluate/notify/channels";

describe("channel configuration", () => {
  it("validates each kind's config", () => {
    expect(
      createChannelSchema.safeParse({ kind: "webhook", name: "SIEM", config: { url: "https://siem.example/hook", secret: "s".repeat(16) } })
        .success,
    ).toBe(true);
    expect(
      createChannelSchema.safeParse({ kind: "webhook", name: "SIEM", config: { url: "https://siem.example/hook", secret: "short" } })
        .success,
    ).toBe(false);
    expect(createChannelSchema.safeParse({ kind: "slack", name: "ops", config: { url: "ftp://x" } }).success).toBe(false);
    expect(
      createChannelSchema.safeParse({ kind: "email", name: "ops", config: { to: ["ops@contoso.com"], smtpUrl: "smtp://127.0.0.1:2525" } })
        .success,
    ).toBe(true);
    expect(createChannelSchema.safeParse({ kind: "email", name: "ops", config: { to: ["not an address"] } }).success).toBe(false);
    expect(createChannelSchema.safeParse({ kind: "pager", name: "x", config: {} }).success).toBe(false);
  });

  it("never shows secrets", () => {
    const webhook = maskConfig("webhook", { url: "https://siem.example/hook", secret: "super-secret-value" });
    expect(JSON.stringify(webhook)).not.toContain("super-secret-value");
    const slack = maskConfig("slack", { url: "https://hooks.slack.com/services/T000/B000/XXXXSECRET" });
    expect(slack.url).not.toContain("XXXXSECRET");
    const mail = maskConfig("email", { to: ["a@x.com", "b@x.com"], smtpUrl: "smtp://user:pa55word@mail.example:587" });
    expect(mail).toMatchObject({ to: "a@x.com, b@x.com" });
    expect(mail.smtpUrl).not.toContain("pa55word");
  });
});
