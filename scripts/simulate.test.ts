import { describe, expect, it } from "vitest";
import { scenarioNames } from "./simulator/types";
import { parseSimulateArgs } from "./simulate";

const NOW = Date.parse("2024-06-01T12:00:00Z");
const env = { KMSWATCH_ENROLL_SECRET: "from-env" };
const ok = (argv: string[], e: Record<string, string | undefined> = env) => {
  const r = parseSimulateArgs(argv, e, NOW);
  if (!r.ok) throw new Error(r.error);
  return r.options;
};
const err = (argv: string[], e: Record<string, string | undefined> = env) => {
  const r = parseSimulateArgs(argv, e, NOW);
  if (r.ok) throw new Error("expected an error");
  return r.error;
};

describe("simulate CLI arguments", () => {
  it("has sensible defaults", () => {
    const o = ok([]);
    expect(o.fleet).toEqual({ hosts: 3, clients: 500, days: 45, scenarios: ["healthy"], seed: 1, end: NOW });
    expect(o.server).toBe("http://127.0.0.1:3000");
    expect(o.enrollSecret).toBe("from-env");
    expect(o.concurrency).toBe(8);
    expect(o.dryRun).toBe(false);
  });

  it("reads every flag, repeated and comma-separated scenarios, and PORT", () => {
    const o = ok(
      [
        "--hosts",
        "2",
        "--clients",
        "40",
        "--days",
        "7",
        "--scenario",
        "healthy",
        "--scenario",
        "duplicate-cmid,firewall",
        "--enroll-secret",
        "s",
        "--seed",
        "9",
        "--concurrency",
        "3",
        "--end",
        "2024-05-13T12:00:00Z",
      ],
      { PORT: "4123" },
    );
    expect(o.fleet).toEqual({
      hosts: 2,
      clients: 40,
      days: 7,
      scenarios: ["healthy", "duplicate-cmid", "firewall"],
      seed: 9,
      end: Date.parse("2024-05-13T12:00:00Z"),
    });
    expect(o.server).toBe("http://127.0.0.1:4123");
    expect(o.enrollSecret).toBe("s");
    expect(o.concurrency).toBe(3);
    expect(ok(["--server", "https://kms.example.test:8443"]).server).toBe("https://kms.example.test:8443");
  });

  it("expands --scenario all and removes duplicates", () => {
    expect(ok(["--scenario", "all"]).fleet.scenarios).toEqual([...scenarioNames]);
    expect(ok(["--scenario", "firewall,firewall"]).fleet.scenarios).toEqual(["firewall"]);
  });

  it.each([
    [["--hosts", "0"], /--hosts must be >= 1/],
    [["--clients", "abc"], /--clients must be a number/],
    [["--days=-3"], /--days must be > 0/],
    [["--days", "0"], /--days must be > 0/],
    [["--scenario", "nope"], /--scenario must be one of/],
    [["--server", "not a url"], /--server must be an http\(s\) URL/],
    [["--concurrency", "1.5"], /--concurrency must be an integer/],
    [["--end", "yesterday"], /--end must be an ISO-8601 date/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["stray"], /positional/i],
  ])("rejects %j", (argv, message) => {
    expect(err(argv)).toMatch(message);
  });

  it("requires an enroll secret unless --dry-run", () => {
    expect(err([], {})).toMatch(/missing enroll secret/);
    expect(ok(["--dry-run"], {}).enrollSecret).toBeNull();
  });

  it("answers --help with the usage text", () => {
    const r = parseSimulateArgs(["--help"], env, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.help).toBe(true);
      expect(r.error).toContain("--scenario NAME");
    }
  });
});
