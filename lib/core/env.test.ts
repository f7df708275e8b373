import { describe, expect, it } from "vitest";
import { envSchema } from "./env";

const base = { DATABASE_URL: "postgresql://x@127.0.0.1/db", KMSWATCH_SESSION_SECRET: "s".repeat(32) };

describe("envSchema", () => {
  it("applies defaults and treats empty strings (docker-compose) as unset", () => {
    const env = envSchema.parse({ ...base, KMSWATCH_ADMIN_EMAIL: "", KMSWATCH_ENROLL_SECRET: "" });
    expect(env.KMSWATCH_ADMIN_EMAIL).toBeUndefined();
    expect(env.KMSWATCH_ENROLL_SECRET).toBeUndefined();
    expect(env.KMSWATCH_MAX_BODY_BYTES).toBe(5 * 1024 * 1024);
    expect(env.KMSWATCH_COOKIE_SECURE).toBe(false);
  });

  it("names the variable that is wrong", () => {
    const result = envSchema.safeParse({ ...base, KMSWATCH_SESSION_SECRET: "short", KMSWATCH_MAX_BODY_BYTES: "lots" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["KMSWATCH_SESSION_SECRET", "KMSWATCH_MAX_BODY_BYTES"]));
  });
});
