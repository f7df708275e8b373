import { describe, expect, it } from "vitest";
import { readinessOf, reasonText, type TpmFacts } from "@/lib/kms/hardwareSecured";

const tpm = (over: Partial<TpmFacts> = {}): TpmFacts => ({
  present: true,
  enabled: true,
  specVersion: "2.0, 0, 1.59",
  keyAttestation: true,
  ...over,
});

describe("hardware-secured readiness", () => {
  it.each([
    ["eligible sentence", { sentence: "eligible", tpm: tpm(), hostOs: "windows-server-2025" }, "ready", []],
    [
      "not eligible, no Key Attestation",
      { sentence: "not_eligible", tpm: tpm({ keyAttestation: false }), hostOs: "windows-server-2025" },
      "not_ready",
      ["no_key_attestation"],
    ],
    [
      "not eligible, TPM facts silent",
      { sentence: "not_eligible", tpm: null, hostOs: "windows-server-2025" },
      "not_ready",
      ["not_reported"],
    ],
    [
      "older Windows without a TPM",
      {
        sentence: null,
        tpm: tpm({ present: false, enabled: null, specVersion: null, keyAttestation: null }),
        hostOs: "windows-server-2022",
      },
      "not_ready",
      ["no_tpm"],
    ],
    [
      "older Windows, TPM disabled",
      { sentence: null, tpm: tpm({ enabled: false, keyAttestation: null }), hostOs: "windows-server-2019" },
      "not_ready",
      ["tpm_disabled"],
    ],
    [
      "TPM 1.2",
      { sentence: null, tpm: tpm({ specVersion: "1.2, 2, 3", keyAttestation: null }), hostOs: "windows-server-2016" },
      "not_ready",
      ["tpm_not_2"],
    ],
    ["older Windows, capable TPM", { sentence: null, tpm: tpm(), hostOs: "windows-server-2022" }, "unknown", []],
    ["nothing reported", { sentence: null, tpm: null, hostOs: null }, "unknown", []],
  ] as const)("%s", (_n, input, state, reasons) => {
    const r = readinessOf({ ...input, tpm: input.tpm });
    expect(r.state).toBe(state);
    if (r.state === "not_ready") expect(r.reasons).toEqual(reasons);
  });
  it("tells older Windows from missing data", () => {
    expect(readinessOf({ sentence: null, tpm: null, hostOs: "windows-server-2022" })).toMatchObject({ why: "older_windows" });
    expect(readinessOf({ sentence: null, tpm: null, hostOs: "windows-server-2025" })).toMatchObject({ why: "no_data" });
  });
  it("says whether the hardware must change", () => {
    expect(readinessOf({ sentence: "not_eligible", tpm: tpm({ enabled: false }), hostOs: null })).toMatchObject({
      mustChangeHardware: false,
    });
    expect(readinessOf({ sentence: "not_eligible", tpm: tpm({ keyAttestation: false }), hostOs: null })).toMatchObject({
      mustChangeHardware: true,
    });
  });
  it("has a fix for every reason that names a command or the hardware", () => {
    for (const r of Object.values(reasonText)) expect(r.fix).toMatch(/Get-Tpm|TPM|hardware/);
  });
});
