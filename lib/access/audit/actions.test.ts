import { describe, expect, it } from "vitest";
import { auditActions, describeAudit } from "./actions";

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
