import { execFileSync } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPwsh } from "../../windows/pwsh.ts";
import { testTempDir } from "../tempDir.ts";
import { collectFromDir } from "./fromDir.ts";
import { buildPayload } from "./payload.ts";
import { isKmsHost, parseReadiness, readinessScript } from "./readiness.ts";
import { wevtutilQuery } from "./windows.ts";
import { TPM_READY } from "../../../scripts/simulator/scenarios/activation2026.ts";

const CAPTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/agent");
const TPM = TPM_READY;

describe("readiness (TPM, OSLicense)", () => {
  it("runs the Windows agent's Readiness.ps1 and reads its JSON (pwsh, Windows cmdlets stood in for)", () => {
    const standIns = [
      "function Get-Tpm { [pscustomobject]@{ TpmPresent = $true; TpmEnabled = $true; TpmActivated = $true } }",
      "function Get-TpmSupportedFeature { param([string[]]$FeatureList) 'Key Attestation' }",
      "function Get-CimInstance { param($Namespace, $ClassName) [pscustomobject]@{ SpecVersion = '2.0, 0, 1.59' } }",
    ].join("\n");
    const encoded = Buffer.from(`${standIns}\n${readinessScript(true)}`, "utf16le").toString("base64");
    const out = execFileSync(findPwsh(), ["-NoProfile", "-NonInteractive", "-EncodedCommand", encoded], { encoding: "utf8" });
    expect(parseReadiness(out)).toEqual({ tpm: TPM, oslicense: [] });
    const client = execFileSync(
      findPwsh(),
      ["-NoProfile", "-NonInteractive", "-EncodedCommand", Buffer.from(readinessScript(false), "utf16le").toString("base64")],
      { encoding: "utf8" },
    );
    expect(parseReadiness(client)).toEqual({ tpm: null, oslicense: [] });
  });

  it("drops what is not of the agreed shape instead of sending it", () => {
    const parsed = parseReadiness(
      JSON.stringify({
        tpm: { ...TPM, source: "guess" },
        oslicense: [{ type: "oslicense", cmdlet: "Set-OSLicense", output: [], error: null }],
      }),
    );
    expect(parsed).toEqual({ tpm: null, oslicense: [] });
  });

  it("knows a KMS host by its CSVLK product", () => {
    expect(isKmsHost([{ IsKeyManagementServiceMachine: 0 }, { IsKeyManagementServiceMachine: 1 }])).toBe(true);
    expect(isKmsHost([{ IsKeyManagementServiceMachine: 0 }])).toBe(false);
  });

  it("reads the whole Key Management Service log: no EventID filter", () => {
    expect(wevtutilQuery(null, 884213)).toBe("*[System[(EventRecordID > 884213)]]");
    expect(wevtutilQuery("(EventID=12288)", 5)).toBe("*[System[(EventID=12288) and (EventRecordID > 5)]]");
  });

  it("--from-dir sends tpm.json and oslicense.json after the events, as the Windows agent orders them", () => {
    const dir = path.join(testTempDir("readiness"), "host");
    cpSync(path.join(CAPTURES, "host-kms01"), dir, { recursive: true });
    writeFileSync(path.join(dir, "tpm.json"), JSON.stringify(TPM));
    writeFileSync(
      path.join(dir, "oslicense.json"),
      JSON.stringify([{ type: "oslicense", cmdlet: "Get-KmsLicenseInfo", output: [{ KmsCurrentCount: 50 }], error: null }]),
    );
    const built = buildPayload({ collection: collectFromDir(dir), bookmarks: {}, collectedAt: new Date(), probe: null });
    expect(built.payload.artifacts.map((a) => a.type)).toEqual(["dlv", "cim", "events", "tpm", "oslicense"]);
    writeFileSync(path.join(dir, "tpm.json"), JSON.stringify({ ...TPM, present: "yes" }));
    expect(() => collectFromDir(dir)).toThrow(/tpm\.json: not an artifact of the agreed shape/);
  });
});
