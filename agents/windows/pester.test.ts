// Runs every Pester file in agents/windows/tests in one pwsh process (pwsh starts in ~1 s) and turns
// each Pester test into a vitest test, so a failure names the Pester test and its error.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findPester, findPwsh } from "./pwsh.ts";

type PesterTest = { name: string; result: string; error: string | null };

const TESTS = path.join(import.meta.dirname, "tests");
const RUN = `
$ErrorActionPreference = 'Stop'
Import-Module -Name $env:KMSWATCH_PESTER_PSD1 -MinimumVersion 5.0
$c = New-PesterConfiguration
$c.Run.Path = $env:KMSWATCH_PESTER_TESTS
$c.Run.PassThru = $true
$c.Output.Verbosity = 'None'
$r = Invoke-Pester -Configuration $c
$tests = @($r.Tests | ForEach-Object {
  [pscustomobject]@{ name = $_.ExpandedPath; result = [string]$_.Result; error = $(if ($_.ErrorRecord.Count) { ($_.ErrorRecord | ForEach-Object { [string]$_ }) -join '; ' } else { $null }) } })
# Failures outside a test (a broken BeforeAll, a file that does not parse) are containers' errors.
$containers = @($r.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.ErrorRecord.Count } | ForEach-Object {
  [pscustomobject]@{ name = "file $($_.Item)"; result = 'Failed'; error = ($_.ErrorRecord | ForEach-Object { [string]$_ }) -join '; ' } })
'PESTER-JSON:' + (ConvertTo-Json -InputObject @($tests + $containers) -Depth 3 -Compress)
`;

async function runPester(): Promise<PesterTest[]> {
  const pwsh = findPwsh();
  const env = { ...process.env, KMSWATCH_PESTER_PSD1: findPester(), KMSWATCH_PESTER_TESTS: TESTS };
  const { stdout } = await promisify(execFile)(pwsh, ["-NoProfile", "-NonInteractive", "-Command", RUN], {
    env,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("PESTER-JSON:"));
  if (!line) throw new Error(`Pester printed no result:\n${stdout}`);
  return JSON.parse(line.slice("PESTER-JSON:".length)) as PesterTest[];
}

// Top-level await: a missing pwsh or Pester fails this file with the install command.
const results = await runPester();

describe("Pester (agents/windows/tests)", () => {
  it("ran the Pester suite: every test passed or failed, none skipped", () => {
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((t) => t.result !== "Passed" && t.result !== "Failed").map((t) => `${t.name}: ${t.result}`)).toEqual([]);
  });
  for (const t of results) {
    it(t.name, () => {
      if (t.result !== "Passed") throw new Error(`${t.name}: ${t.result}\n${t.error ?? ""}`);
    });
  }
});
