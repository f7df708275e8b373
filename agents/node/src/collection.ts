// What a collector hands to the payload builder: raw texts and objects, never parsed.
import type { OSLicenseArtifact, TpmArtifact } from "./readiness.ts";

export type CimCollection = { service: Record<string, unknown> | null; products: Record<string, unknown>[] };

export type RawCollection = {
  dlv: string[];
  cim: CimCollection | null;
  /** Raw event XML texts (wevtutil output or captured files); the log is read from each event's channel. */
  eventTexts: string[];
  /** The machine's DNS domain when the collector knows it (Win32_ComputerSystem.Domain on Windows). */
  domain: string | null;
  /** KMS hosts: TPM readiness (Get-Tpm / Win32_Tpm, Key Attestation). */
  tpm?: TpmArtifact | null;
  /** Where the OSLicense module exists: one artifact per read-only cmdlet. */
  oslicense?: OSLicenseArtifact[];
};
