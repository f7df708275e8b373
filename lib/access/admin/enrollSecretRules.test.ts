import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/access/agents/tokens";
import { decideEnrollSecret, expiryAfterRotation, isUnexpired, overlapExpiry } from "./enrollSecretRules";
import { newEnrollSecret } from "./newEnrollSecret";

const now = new Date("2026-11-25T10:00:00Z");
const past = new Date("2026-11-24T10:00:00Z");
const future = new Date("2026-12-02T10:00:00Z");
const base = { row: null, matchesEnvSecret: false, envSecretSet: true, anyUnexpiredRow: false, now };

describe("enroll secret rules", () => {
  it("makes random secrets stored as a hash, with a short prefix to recognise them", () => {
    const a = newEnrollSecret();
    expect(a.secret).not.toBe(newEnrollSecret().secret);
    expect(a.secretHash).toBe(hashToken(a.secret));
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.prefix.length).toBeLessThan(a.secret.length / 2);
  });

  it("accepts the environment secret until a rotation gives it a row, then only until that row expires", () => {
    expect(decideEnrollSecret({ ...base, matchesEnvSecret: true })).toBe("accept");
    expect(decideEnrollSecret({ ...base, matchesEnvSecret: true, row: { expiresAt: future } })).toBe("accept");
    expect(decideEnrollSecret({ ...base, matchesEnvSecret: true, row: { expiresAt: past } })).toBe("refuse");
  });

  it("accepts rotated secrets while unexpired and refuses unknown ones", () => {
    expect(decideEnrollSecret({ ...base, row: { expiresAt: null } })).toBe("accept");
    expect(decideEnrollSecret({ ...base, row: { expiresAt: past } })).toBe("refuse");
    expect(decideEnrollSecret(base)).toBe("refuse");
    expect(decideEnrollSecret({ ...base, envSecretSet: false, anyUnexpiredRow: true })).toBe("refuse");
    expect(decideEnrollSecret({ ...base, envSecretSet: false })).toBe("disabled");
  });

  it("counts expiry strictly and never lengthens a previous secret's life", () => {
    expect(isUnexpired(null, now)).toBe(true);
    expect(isUnexpired(now, now)).toBe(false);
    expect(overlapExpiry(now, 7).toISOString()).toBe("2026-12-02T10:00:00.000Z");
    expect(overlapExpiry(now, 0).getTime()).toBe(now.getTime());
    expect(expiryAfterRotation(null, future)).toBe(future);
    expect(expiryAfterRotation(past, future)).toBe(past);
    expect(expiryAfterRotation(new Date("2027-01-01T00:00:00Z"), future)).toBe(future);
  });
});
