import { describe, expect, it } from "vitest";
import { agentAdmissionSchema, envSchema } from "./env";

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

describe("envSchema: admission and retention", () => {
  it("defaults: 16 agent requests at once, none waiting (the door refuses the 17th); raw text 90 days, history 400 days", () => {
    const env = envSchema.parse(base);
    expect([env.KMSWATCH_AGENT_CONCURRENCY, env.KMSWATCH_AGENT_QUEUE, env.KMSWATCH_AGENT_QUEUE_WAIT_MS]).toEqual([16, 0, 500]);
    expect([env.KMSWATCH_RETAIN_RAW_DAYS, env.KMSWATCH_RETAIN_HISTORY_DAYS]).toEqual([90, 400]);
  });

  it("the server's launcher reads the same admission settings as the app, from the same variables", () => {
    const overrides = { KMSWATCH_AGENT_CONCURRENCY: "4", KMSWATCH_AGENT_QUEUE: "2", KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS: "9" };
    const app = envSchema.parse({ ...base, ...overrides });
    const launcher = agentAdmissionSchema.parse(overrides);
    expect(launcher).toEqual({
      KMSWATCH_AGENT_CONCURRENCY: app.KMSWATCH_AGENT_CONCURRENCY,
      KMSWATCH_AGENT_QUEUE: app.KMSWATCH_AGENT_QUEUE,
      KMSWATCH_AGENT_QUEUE_WAIT_MS: app.KMSWATCH_AGENT_QUEUE_WAIT_MS,
      KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS: app.KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS,
    });
    expect(launcher.KMSWATCH_AGENT_CONCURRENCY + launcher.KMSWATCH_AGENT_QUEUE).toBe(6);
  });

  it("refuses raw text kept longer than the history it belongs to", () => {
    for (const [raw, history] of [
      ["500", "400"],
      ["0", "400"],
    ]) {
      const result = envSchema.safeParse({ ...base, KMSWATCH_RETAIN_RAW_DAYS: raw, KMSWATCH_RETAIN_HISTORY_DAYS: history });
      expect(result.success, `${raw}/${history}`).toBe(false);
      expect(result.error?.issues[0]?.path.join(".")).toBe("KMSWATCH_RETAIN_RAW_DAYS");
    }
    expect(envSchema.safeParse({ ...base, KMSWATCH_RETAIN_RAW_DAYS: "0", KMSWATCH_RETAIN_HISTORY_DAYS: "0" }).success).toBe(true);
    expect(envSchema.safeParse({ ...base, KMSWATCH_RETAIN_RAW_DAYS: "30", KMSWATCH_RETAIN_HISTORY_DAYS: "0" }).success).toBe(true);
  });
});
