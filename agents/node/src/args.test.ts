import { describe, expect, it } from "vitest";
import { defaultStateDir, parseAgentArgs, UsageError } from "./args";

const linux = (argv: string[]) => parseAgentArgs(argv, "linux", {}, "/work");

describe("parseAgentArgs", () => {
  it("applies the documented defaults", () => {
    expect(linux(["--server", "https://kms.example.com/", "--from-dir", "cap"])).toMatchObject({
      server: "https://kms.example.com",
      stateDir: "/work/.kmswatch/agent",
      fromDir: "/work/cap",
      once: false,
      interval: 3600,
      dryRun: false,
      maxRunSeconds: 300,
      spoolMaxBytes: 50 * 1024 * 1024,
      spoolMaxAgeMs: 14 * 86_400_000,
      probe: true,
      enrollSecret: null,
    });
  });

  it("reads every flag", () => {
    const o = linux([
      "--server",
      "http://127.0.0.1:3000",
      "--enroll-secret",
      "s3cret",
      "--state-dir",
      "/s",
      "--from-dir",
      "/c",
      "--fqdn",
      "ws-1.corp",
      "--once",
      "--interval",
      "60",
      "--max-run-seconds",
      "5",
      "--spool-max-mb",
      "0.5",
      "--spool-max-age-days",
      "1",
      "--no-probe",
    ]);
    expect(o).toMatchObject({
      enrollSecret: "s3cret",
      stateDir: "/s",
      fqdn: "ws-1.corp",
      once: true,
      interval: 60,
      maxRunSeconds: 5,
      spoolMaxBytes: 524288,
      spoolMaxAgeMs: 86_400_000,
      probe: false,
    });
  });

  it("explains what is wrong", () => {
    expect(() => linux(["--from-dir", "c"])).toThrow(/--server is required/);
    expect(() => linux(["--server", "ftp://x", "--from-dir", "c"])).toThrow(/http\(s\) URL/);
    expect(() => linux(["--server", "https://x", "--from-dir", "c", "--interval", "soon"])).toThrow(/--interval must be a number/);
    expect(() => linux(["--server", "https://x", "--from-dir", "c", "--spool-max-mb", "0"])).toThrow(/--spool-max-mb must be > 0/);
    expect(() => linux(["--server", "https://x", "--bogus"])).toThrow(UsageError);
    expect(() => linux(["--server", "https://x"])).toThrow(/--from-dir is required off Windows/);
  });

  it("allows --dry-run without a server, and on Windows without --from-dir", () => {
    expect(linux(["--dry-run", "--from-dir", "c"])?.server).toBeNull();
    expect(parseAgentArgs(["--server", "https://x"], "win32", { ProgramData: "D:\\PD" }, "C:\\")?.stateDir).toContain("kmswatch");
    expect(defaultStateDir("win32", { ProgramData: "D:\\PD" }, "C:\\")).toBe("D:\\PD\\kmswatch");
    expect(linux(["--help"])).toBeNull();
  });
});
