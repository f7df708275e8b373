// Live collection on Windows. Deliberately thin (it cannot run in CI): three commands, raw output.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import type { RawCollection } from "./collection.ts";
import type { Bookmarks } from "./events.ts";
import { isKmsHost, parseReadiness, readinessScript, type Readiness } from "./readiness.ts";
import { log } from "./version.ts";

const run = promisify(execFile);
const OPTS = { windowsHide: true, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 };

// UTF-8 console output; CIM objects minus PowerShell's own bookkeeping properties.
const CIM_SCRIPT = [
  "$ErrorActionPreference='Stop'; [Console]::OutputEncoding=[Text.Encoding]::UTF8",
  "$x='CimClass','CimInstanceProperties','CimSystemProperties','PSComputerName'",
  "$s=Get-CimInstance SoftwareLicensingService | Select-Object -Property * -ExcludeProperty $x",
  "$p=@(Get-CimInstance SoftwareLicensingProduct -Filter 'PartialProductKey IS NOT NULL' | Select-Object -Property * -ExcludeProperty $x)",
  "$c=Get-CimInstance Win32_ComputerSystem",
  "[pscustomobject]@{service=$s; products=$p; domain=$(if($c.PartOfDomain){$c.Domain}else{$null})} | ConvertTo-Json -Depth 4 -Compress",
].join("; ");

// Clients: the SPP activation events. KMS hosts: the whole "Key Management Service" log, rendered
// (message text included), because Windows Server 2025 writes readiness warnings there under
// undocumented IDs.
export const EVENT_QUERIES = [
  {
    log: "Application",
    filter: "Provider[@Name='Microsoft-Windows-Security-SPP'] and (EventID=12288 or EventID=12289 or EventID=12293)",
    format: "xml",
  },
  { log: "Key Management Service", filter: null, format: "RenderedXml" },
] as const;

export function wevtutilQuery(filter: string | null, after: number): string {
  return `*[System[${filter ? `${filter} and ` : ""}(EventRecordID > ${after})]]`;
}

/** TPM (KMS hosts) and OSLicense through the Windows agent's own lib/Readiness.ps1; none if it fails. */
async function collectReadiness(kmsHost: boolean): Promise<Readiness> {
  try {
    const encoded = Buffer.from(readinessScript(kmsHost), "utf16le").toString("base64");
    const out = await run("powershell.exe", ["-NoProfile", "-NonInteractive", "-EncodedCommand", encoded], OPTS);
    return parseReadiness(out.stdout);
  } catch (error) {
    log(`TPM / OSLicense collection failed: ${error instanceof Error ? error.message : String(error)}`);
    return { tpm: null, oslicense: [] };
  }
}

type CimJson = {
  service?: Record<string, unknown> | null;
  products?: Record<string, unknown>[] | Record<string, unknown>;
  domain?: string | null;
};

export async function collectWindows(bookmarks: Bookmarks): Promise<RawCollection> {
  const windir = process.env.windir ?? "C:\\Windows";
  const cimOut = await run("powershell.exe", ["-NoProfile", "-NonInteractive", "-Command", CIM_SCRIPT], OPTS);
  const cim = JSON.parse(cimOut.stdout.replace(/^\uFEFF/, "")) as CimJson;
  const products = Array.isArray(cim.products) ? cim.products : cim.products ? [cim.products] : [];
  // //U makes cscript write UTF-16 when redirected, so localized labels survive the OEM code page.
  const slmgr = path.win32.join(windir, "system32", "slmgr.vbs");
  const dlv: string[] = [];
  try {
    const out = await run("cscript.exe", ["//nologo", "//U", slmgr, "/dlv", "all"], { ...OPTS, encoding: "buffer" });
    dlv.push(out.stdout.toString("utf16le").replace(/^\uFEFF/, ""));
  } catch (error) {
    // VBScript is being removed from Windows: /dlv is a welcome extra, CIM carries the same data.
    log(`slmgr.vbs /dlv unavailable (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): CIM only`);
  }
  const eventTexts: string[] = [];
  for (const q of EVENT_QUERIES) {
    try {
      // Oldest first and bounded: the bookmark then moves over exactly what was read.
      const args = ["qe", q.log, `/f:${q.format}`, "/rd:false", "/c:500", `/q:${wevtutilQuery(q.filter, bookmarks[q.log] ?? 0)}`];
      eventTexts.push((await run("wevtutil.exe", args, OPTS)).stdout);
    } catch {
      // "Key Management Service" exists only on KMS hosts; a missing log means no events.
    }
  }
  const readiness = await collectReadiness(isKmsHost(products));
  return { dlv, cim: { service: cim.service ?? null, products }, eventTexts, domain: cim.domain ?? null, ...readiness };
}

/** Windows has no file modes: limit the state dir to SYSTEM and Administrators (well-known SIDs). */
export async function restrictStateDir(dir: string): Promise<void> {
  await run("icacls.exe", [dir, "/inheritance:r", "/grant:r", "*S-1-5-18:(OI)(CI)F", "*S-1-5-32-544:(OI)(CI)F"], OPTS);
}
