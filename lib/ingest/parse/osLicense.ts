// Fields kmswatch reads from the OSLicense module's cmdlets (Windows Server vNext / KB5124008).
// Get-KmsLicenseInfo's property names are the SoftwareLicensingService ones, as its documented examples show
// (learn.microsoft.com/powershell/module/oslicense/get-kmslicenseinfo). The property names of
// Get-ADLicenseInfo and Get-OSLicenseInfo are INFERRED from the matching CIM properties (ADActivation*,
// SoftwareLicensingProduct): the documentation shows no output; unknown names leave the summary null.
import type { osLicenseCmdlets } from "@/lib/kms/protocol";

type Cmdlet = (typeof osLicenseCmdlets)[number];
type Row = Record<string, unknown>;

const int = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

export type OsLicenseSummary =
  | {
      cmdlet: "Get-KmsLicenseInfo";
      currentCount: number | null;
      licensedRequests: number | null;
      failedRequests: number | null;
      totalRequests: number | null;
    }
  | { cmdlet: "Get-ADLicenseInfo"; activationObjects: string[] }
  | { cmdlet: "Get-OSLicenseInfo"; products: { name: string | null; channel: string | null; licenseStatus: number | null }[] };

export function summarizeOsLicense(cmdlet: Cmdlet, output: readonly Row[]): OsLicenseSummary {
  if (cmdlet === "Get-KmsLicenseInfo") {
    const first = <T>(pick: (r: Row) => T | null): T | null => output.map(pick).find((v) => v !== null) ?? null;
    return {
      cmdlet,
      currentCount: first((r) => int(r.KeyManagementServiceCurrentCount)),
      licensedRequests: first((r) => int(r.KeyManagementServiceLicensedRequests)),
      failedRequests: first((r) => int(r.KeyManagementServiceFailedRequests)),
      totalRequests: first((r) => int(r.KeyManagementServiceTotalRequests)),
    };
  }
  if (cmdlet === "Get-ADLicenseInfo") {
    // INFERRED names: ADActivationObjectName (as in SoftwareLicensingProduct), else Name.
    const names = output.map((r) => str(r.ADActivationObjectName) ?? str(r.Name)).filter((n): n is string => n !== null);
    return { cmdlet, activationObjects: [...new Set(names)] };
  }
  return {
    cmdlet,
    products: output.map((r) => ({ name: str(r.Name), channel: str(r.ProductKeyChannel), licenseStatus: int(r.LicenseStatus) })),
  };
}
