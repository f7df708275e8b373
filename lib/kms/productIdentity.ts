// Names what a licensing product is (Windows Server 2025, Windows 11 LTSC 2024, Office LTSC 2024…) from what a
// snapshot holds: the application ID, the Name ("Windows(R), ServerStandard edition", "Office 24, …") and the
// build of the Software licensing service version. Pure; null when the facts do not say.
import { OFFICE_APP_ID, WINDOWS_APP_ID } from "@/lib/kms/appIds";
import { hostOsByBuild, windowsProductNames, type HostOs, type WindowsProductId } from "@/lib/kms/hostKeyCoverage";
import { officeVersions, type OfficeProductId } from "@/lib/kms/officeVolumePacks";

export type ProductFacts = {
  applicationId: string | null;
  name: string | null;
  serviceVersion: string | null;
};
export type ClientProduct =
  | { family: "windows"; id: WindowsProductId; name: string }
  | { family: "office"; id: OfficeProductId; name: string };

export type OsVersion = { build: number; revision: number | null };

/** "10.0.20348.2340" -> { build: 20348, revision: 2340 }. */
export function parseOsVersion(version: string | null): OsVersion | null {
  const m = /^\s*10\.0\.(\d{4,6})(?:\.(\d{1,6}))?/.exec(version ?? "");
  if (!m?.[1]) return null;
  return { build: Number(m[1]), revision: m[2] === undefined ? null : Number(m[2]) };
}

export function hostOsOf(version: string | null): HostOs | null {
  const build = parseOsVersion(version)?.build;
  return hostOsByBuild.find((row) => row.build === build)?.os ?? null;
}

export function productFamily(p: Pick<ProductFacts, "applicationId" | "name">): "windows" | "office" | null {
  const app = p.applicationId?.toLowerCase() ?? null;
  if (app === WINDOWS_APP_ID || (app === null && /^windows/i.test(p.name ?? ""))) return "windows";
  if (app === OFFICE_APP_ID || (app === null && /^office/i.test(p.name ?? ""))) return "office";
  return null;
}

function windowsProduct(name: string, build: number | null): WindowsProductId | null {
  if (/server/i.test(name)) {
    if (build === 26100) return "windows-server-2025";
    if (build === 20348) return "windows-server-2022";
    if (build === 17763) return "windows-server-2019";
    if (build === 14393) return "windows-server-2016";
    return null;
  }
  if (build === null) return null;
  // LTSC/LTSB editions are "EnterpriseS" / "EnterpriseSN" (IoT: "IoTEnterpriseS").
  if (/EnterpriseS/i.test(name)) {
    if (build === 26100) return "windows-11-ltsc-2024";
    if (build === 17763 || build === 19044) return "windows-10-ltsc";
    if (build === 10240 || build === 14393) return "windows-10-ltsb";
    return null;
  }
  if (build >= 22000) return "windows-11";
  if (build >= 10240) return "windows-10";
  return null;
}

export function identifyProduct(p: ProductFacts): ClientProduct | null {
  const family = productFamily(p);
  const name = p.name ?? "";
  if (family === "windows") {
    const id = windowsProduct(name, parseOsVersion(p.serviceVersion)?.build ?? null);
    return id ? { family, id, name: windowsProductNames[id] } : null;
  }
  if (family === "office") {
    const row = officeVersions.find((v) => name.toLowerCase().startsWith(v.namePrefix.toLowerCase()));
    return row ? { family, id: row.id, name: row.name } : null;
  }
  return null;
}
