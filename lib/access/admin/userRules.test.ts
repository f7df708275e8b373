import { describe, expect, it } from "vitest";
import { createUserSchema, deleteProblem, roleChangeProblem } from "./userRules";

describe("user administration rules", () => {
  it("never demotes the last admin, but demotes one of several and promotes freely", () => {
    expect(roleChangeProblem({ role: "admin" }, "viewer", 1)).toMatch(/last administrator/);
    expect(roleChangeProblem({ role: "admin" }, "viewer", 2)).toBeNull();
    expect(roleChangeProblem({ role: "admin" }, "admin", 1)).toBeNull();
    expect(roleChangeProblem({ role: "viewer" }, "admin", 1)).toBeNull();
  });

  it("never deletes yourself or the last admin", () => {
    expect(deleteProblem("me", { id: "me", role: "admin" }, 3)).toMatch(/your own account/);
    expect(deleteProblem("me", { id: "other", role: "admin" }, 1)).toMatch(/last administrator/);
    expect(deleteProblem("me", { id: "other", role: "admin" }, 2)).toBeNull();
    expect(deleteProblem("me", { id: "other", role: "viewer" }, 1)).toBeNull();
  });

  it("normalises e-mails and requires 8+ character passwords", () => {
    const ok = createUserSchema.parse({ email: " Ann@Example.COM ", name: "Ann", role: "viewer", password: "12345678" });
    expect(ok.email).toBe("ann@example.com");
    const short = createUserSchema.safeParse({ email: "a@b.co", name: "A", role: "viewer", password: "short" });
    expect(short.success).toBe(false);
    expect(createUserSchema.safeParse({ email: "a@b.co", name: "A", role: "root", password: "12345678" }).success).toBe(false);
  });
});
