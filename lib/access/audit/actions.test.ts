import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/lib/core/i18n/messages/en.json";
import { auditActions, auditMessage, describeAudit } from "./actions";

describe("audit wording", () => {
  it("describes every action with its details, never just the code", () => {
    for (const action of auditActions) expect(describeAudit(action, {})).not.toBe(action);
    expect(describeAudit("user.role_change", { email: "a@b.c", from: "viewer", to: "admin" })).toBe(
      "changed the role of a@b.c from viewer to admin",
    );
    expect(describeAudit("host.approve", { host: "kms01.corp" })).toBe("approved KMS host kms01.corp");
  });

  it("falls back to the action code for unknown actions and tolerates missing details", () => {
    expect(describeAudit("something.new", {})).toBe("something.new");
    expect(describeAudit("user.delete", { email: 3 })).toBe("deleted ? 3");
  });
});

describe("auditMessage", () => {
  // The dashboard says an entry from the catalogue: in English it must read as describeAudit does.
  const t = createTranslator({ locale: "en", messages: en, namespace: "admin.auditLog.action" });
  const details = { host: "kms01", intent: "MAK intended for every machine", tokenPrefix: "ab12", fqdn: "pc1.contoso.com" };
  it.each(auditActions)("%s reads the same from the catalogue", (action) => {
    const all = { ...details, oldTokenPrefix: "cd34", newTokenPrefix: "ef56", prefix: "9f", overlapDays: 7, role: "viewer" };
    for (const sample of [{}, all, { ...all, email: "a@b.c", from: "viewer", to: "admin", what: "sign-in", seconds: 60 }]) {
      const message = auditMessage(action, sample);
      expect(message && t(message.key, message.values)).toBe(describeAudit(action, sample));
    }
  });

  it("leaves an unknown action to the server's text", () => {
    expect(auditMessage("host.teleport", {})).toBeNull();
  });
});
