// KMS host readiness artifacts (Windows Server 2025, 2026-08 update): the TPM behind hardware-secured
// activation, and the OSLicense module's read-only cmdlets. Their shapes are the server's protocol schemas
// (lib/kms/protocol.ts), the one payload schema both agents send.
import { readFileSync } from "node:fs";
import path from "node:path";
import { osLicenseArtifactSchema, tpmArtifactSchema, type OsLicenseArtifact, type TpmArtifact } from "../../../lib/kms/protocol.ts";

export { osLicenseArtifactSchema, tpmArtifactSchema, type TpmArtifact };
export type { OsLicenseArtifact as OSLicenseArtifact } from "../../../lib/kms/protocol.ts";
export type Readiness = { tpm: TpmArtifact | null; oslicense: OsLicenseArtifact[] };

/** A KMS host has a product with a CSVLK installed (IsKeyManagementServiceMachine = 1). */
export function isKmsHost(products: Record<string, unknown>[]): boolean {
  return products.some((p) => Number(p.IsKeyManagementServiceMachine) === 1);
}

// The bundle carries the Windows agent's lib/Readiness.ps1 (build.ts defines it), so both agents run
// the same Pester-tested PowerShell; from the source tree (tsx) it is read from the file.
declare const __KMSWATCH_READINESS_PS1__: string | undefined;
function readinessPs1(): string {
  if (typeof __KMSWATCH_READINESS_PS1__ === "string") return __KMSWATCH_READINESS_PS1__;
  return readFileSync(path.join(import.meta.dirname, "../../windows/lib/Readiness.ps1"), "utf8");
}

/** The PowerShell (5.1) that prints `{tpm, oslicense}` as one JSON line; for -EncodedCommand. */
export function readinessScript(kmsHost: boolean): string {
  return [
    "$ErrorActionPreference = 'Stop'; [Console]::OutputEncoding = [Text.Encoding]::UTF8",
    "$script:CimExclude = 'CimClass', 'CimInstanceProperties', 'CimSystemProperties', 'PSComputerName'",
    readinessPs1(),
    `$tpm = $null; if (${kmsHost ? "$true" : "$false"}) { $tpm = Get-KmsTpmArtifact }`,
    "$os = @(Get-KmsOSLicenseArtifacts)",
    "ConvertTo-Json -InputObject ([ordered]@{ tpm = $tpm; oslicense = $os }) -Depth 8 -Compress",
  ].join("\n");
}

/** Reads that JSON line; anything not of the agreed shapes is dropped rather than sent. */
export function parseReadiness(stdout: string): Readiness {
  const value = JSON.parse(stdout.replace(/^\uFEFF/, "").trim()) as { tpm?: unknown; oslicense?: unknown };
  const tpm = tpmArtifactSchema.safeParse(value.tpm);
  const list = Array.isArray(value.oslicense) ? value.oslicense : value.oslicense ? [value.oslicense] : [];
  const oslicense = list.flatMap((a) => {
    const parsed = osLicenseArtifactSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
  return { tpm: tpm.success ? tpm.data : null, oslicense };
}
