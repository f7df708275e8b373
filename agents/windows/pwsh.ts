// Finds pwsh and Pester for the PowerShell tests. Missing tools are a failure with the install
// command, never a silent skip: `npm test` must prove the Windows agent runs.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const INSTALL_PWSH =
  'dotnet tool install --global PowerShell --version 7.6.10 && export PATH="$PATH:$HOME/.dotnet/tools" (or run .ci/run)';
export const INSTALL_PESTER =
  'a throwaway project with <PackageReference Include="Pester" Version="5.7.1" /> and `dotnet restore` (what .ci/run does), or set KMSWATCH_PESTER to Pester.psd1';

let found: string | null = null;

/** The pwsh executable: $KMSWATCH_PWSH, then PATH, then ~/.dotnet/tools (where `dotnet tool install --global` puts it). */
export function findPwsh(): string {
  found ??= locatePwsh();
  return found;
}

function locatePwsh(): string {
  const candidates = [process.env.KMSWATCH_PWSH, "pwsh", path.join(os.homedir(), ".dotnet", "tools", "pwsh")].filter((c): c is string =>
    Boolean(c),
  );
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ["-NoProfile", "-NonInteractive", "-Command", "exit 0"], { stdio: "ignore", timeout: 30_000 });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error(`pwsh (PowerShell 7) not found; the PowerShell tests cannot run. Install it: ${INSTALL_PWSH}`);
}

/** Pester.psd1: $KMSWATCH_PESTER, else the newest 5.x in the NuGet cache. */
export function findPester(): string {
  const explicit = process.env.KMSWATCH_PESTER;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`KMSWATCH_PESTER=${explicit} does not exist`);
    return explicit;
  }
  const cache = path.join(process.env.NUGET_PACKAGES ?? path.join(os.homedir(), ".nuget", "packages"), "pester");
  const versions = existsSync(cache) ? readdirSync(cache).filter((v) => /^5\.\d+\.\d+$/.test(v)) : [];
  versions.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const newest = versions.at(-1);
  const psd1 = newest ? path.join(cache, newest, "tools", "Pester.psd1") : null;
  if (!psd1 || !existsSync(psd1))
    throw new Error(`Pester 5 not found in ${cache}; the PowerShell tests cannot run. Install it: ${INSTALL_PESTER}`);
  return psd1;
}
