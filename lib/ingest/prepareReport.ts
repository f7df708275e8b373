// TPM and OSLicense artifacts -> one report row per machine and kind (the latest wins). Pure.
// The OSLicense output is kept raw; the fields kmswatch reads from it are picked here (see osLicense.ts).
import type { OsLicenseArtifact, TpmArtifact } from "@/lib/kms/protocol";
import { summarizeOsLicense } from "@/lib/ingest/parse/osLicense";

export type PreparedReport = { kind: string; body: Record<string, unknown>; error: string | null };

export function reportOf(artifact: TpmArtifact | OsLicenseArtifact): PreparedReport {
  if (artifact.type === "tpm") {
    const { type: _type, error, ...body } = artifact;
    return { kind: "tpm", body, error };
  }
  return {
    kind: `oslicense:${artifact.cmdlet}`,
    body: { output: artifact.output, summary: summarizeOsLicense(artifact.cmdlet, artifact.output) },
    error: artifact.error,
  };
}
