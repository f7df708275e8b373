// Hardware-secured KMS readiness of one host (WindowsServerDocs/get-started/kms-hardware-secured.md, 2026-08-05):
// a hardware-secured host has a TPM 2.0, installed and enabled, with Key Attestation, on certified hardware.
// Windows Server 2025 with the 2026-08 update says so itself in /dlv; the TPM facts the agent reports tell why
// not, and tell it for hosts on older Windows too (which must change hardware before a future Windows Server).
// Informational: activation works today either way. Pure.
import type { HostOs } from "@/lib/kms/hostKeyCoverage";

export type TpmFacts = {
  present: boolean | null;
  enabled: boolean | null;
  specVersion: string | null;
  keyAttestation: boolean | null;
};

export const notReadyReasons = ["no_tpm", "tpm_disabled", "tpm_not_2", "no_key_attestation", "not_reported"] as const;
export type NotReadyReason = (typeof notReadyReasons)[number];

export type Readiness =
  | { state: "ready"; note: string | null }
  | { state: "not_ready"; reasons: NotReadyReason[]; mustChangeHardware: boolean }
  | { state: "unknown"; why: "older_windows" | "no_data"; note: string | null };

export const reasonText: Record<NotReadyReason, { label: string; fix: string }> = {
  no_tpm: {
    label: "no TPM",
    fix: "Plan hardware with a TPM 2.0 for this KMS host (certified in the Windows Server Catalog), or move the KMS host role to such a machine.",
  },
  tpm_disabled: {
    label: "TPM disabled",
    fix: "Enable the TPM in the firmware (UEFI) settings, then check with Get-Tpm (TpmPresent and TpmEnabled True).",
  },
  tpm_not_2: {
    label: "TPM is not 2.0",
    fix: "Hardware-secured KMS needs TPM 2.0: replace the hardware or move the KMS host role to a machine with TPM 2.0.",
  },
  no_key_attestation: {
    label: "no Key Attestation",
    fix: 'The TPM does not support Key Attestation (Get-TpmSupportedFeature -FeatureList "Key Attestation" lists nothing): update the TPM firmware, else plan hardware that supports it.',
  },
  not_reported: {
    label: "not eligible, cause not reported",
    fix: 'The host says it does not meet the requirements and its TPM facts do not say why: run Get-Tpm and Get-TpmSupportedFeature -FeatureList "Key Attestation" elevated, and check that the hardware is certified in the Windows Server Catalog.',
  },
};

/** Hardware reasons need new hardware (or at least a firmware update); a disabled TPM is a setting. */
const HARDWARE: readonly NotReadyReason[] = ["no_tpm", "tpm_not_2", "no_key_attestation"];

/** The gaps the TPM facts prove; a fact that is null (could not be determined) proves nothing. */
export function tpmGaps(tpm: TpmFacts | null): NotReadyReason[] {
  if (tpm === null) return [];
  if (tpm.present === false) return ["no_tpm"];
  const gaps: NotReadyReason[] = [];
  if (tpm.enabled === false) gaps.push("tpm_disabled");
  const major = /^\s*(\d+)\./.exec(tpm.specVersion ?? "")?.[1];
  if (major !== undefined && Number(major) < 2) gaps.push("tpm_not_2");
  if (tpm.keyAttestation === false) gaps.push("no_key_attestation");
  return gaps;
}

const capable = (tpm: TpmFacts | null) =>
  tpm !== null && tpm.present === true && tpm.enabled === true && /^\s*2\./.test(tpm.specVersion ?? "") && tpm.keyAttestation === true;

export function readinessOf(input: {
  sentence: "eligible" | "not_eligible" | null;
  tpm: TpmFacts | null;
  hostOs: HostOs | null;
}): Readiness {
  const gaps = tpmGaps(input.tpm);
  const notReady = (reasons: NotReadyReason[]): Readiness => ({
    state: "not_ready",
    reasons,
    mustChangeHardware: reasons.some((r) => HARDWARE.includes(r)),
  });
  if (input.sentence === "eligible") {
    return { state: "ready", note: gaps.length > 0 ? `the TPM facts disagree: ${gaps.map((g) => reasonText[g].label).join(", ")}` : null };
  }
  if (input.sentence === "not_eligible") return notReady(gaps.length > 0 ? gaps : ["not_reported"]);
  // No sentence: Windows older than Server 2025 with the 2026-08 update, or /dlv not collected.
  if (gaps.length > 0) return notReady(gaps);
  const why = input.hostOs !== null && input.hostOs !== "windows-server-2025" ? "older_windows" : "no_data";
  return {
    state: "unknown",
    why,
    note: capable(input.tpm) ? "the TPM facts meet the requirements (TPM 2.0, enabled, Key Attestation)" : null,
  };
}
