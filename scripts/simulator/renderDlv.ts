// `cscript //nologo slmgr.vbs /dlv` text, line for line as DisplayAllInformation prints it (en-US).
import { slmgrDays, trustedTimeEnUs } from "./format";
import type { HostCounters } from "./types";

export type DlvInput = {
  serviceVersion: string;
  name: string;
  description: string;
  activationId: string;
  applicationId: string;
  extendedPid: string;
  productKeyChannel: string;
  installationId: string;
  /** Printed for non-KMS-client products (MAK, CSVLK host). */
  showLicenseUrls: boolean;
  partialProductKey: string;
  licenseStatus: number;
  /** GracePeriodRemaining in minutes (0 hides the expiration line). */
  graceRemainingMin: number;
  /** Upper-case hex without 0x, e.g. C004F009, for Notification. */
  notificationReason?: string;
  isWindows: boolean;
  remainingRearm: number;
  remainingSkuRearm: number;
  trustedTime: number;
  /** Minutes east of UTC for the machine's local clock (slmgr prints local time). */
  tzOffsetMin?: number;
  kmsClient?: {
    cmid: string;
    /** Null when never activated (the block is then replaced by the /ato hint). */
    host: { source: "dns" | "registered"; name: string; port: number; ip: string; epid: string } | null;
    activationInterval: number;
    renewalInterval: number;
  };
  kmsHost?: {
    currentCount: number;
    listeningPort: number;
    dnsPublishing: boolean;
    lowPriority: boolean;
    counters: HostCounters | null;
  };
  /** `slmgr /dlv <ActID>` omits the final blank line. */
  explicitActId?: boolean;
};

const USE_LICENSE_URL = "https://activation-v2.sls.microsoft.com/SLActivateProduct/SLActivateProduct.asmx?configextension=Retail";
const VALIDATION_URL = "https://validation-v2.sls.microsoft.com/SLWGA/slwga.asmx";

const statusLines: Record<number, string> = {
  0: "License Status: Unlicensed",
  1: "License Status: Licensed",
  2: "License Status: Initial grace period",
  3: "License Status: Additional grace period (KMS license expired or hardware out of tolerance)",
  4: "License Status: Non-genuine grace period.",
  5: "License Status: Notification",
  6: "License Status: Extended grace period",
};

const minutesLine = (label: string, min: number) => `${label}: ${min} minute(s) (${slmgrDays(min)} day(s))`;

export function renderDlv(d: DlvInput): string {
  const out: string[] = [`Software licensing service version: ${d.serviceVersion}`, ""];
  out.push(`Name: ${d.name}`, `Description: ${d.description}`, `Activation ID: ${d.activationId}`);
  out.push(`Application ID: ${d.applicationId}`, `Extended PID: ${d.extendedPid}`);
  out.push(`Product Key Channel: ${d.productKeyChannel}`, `Installation ID: ${d.installationId}`);
  if (d.showLicenseUrls) out.push(`Use License URL: ${USE_LICENSE_URL}`, `Validation URL: ${VALIDATION_URL}`);
  out.push(`Partial Product Key: ${d.partialProductKey}`, statusLines[d.licenseStatus] ?? "License Status: Unknown");
  if (d.licenseStatus === 1 && d.graceRemainingMin !== 0) out.push(minutesLine("Volume activation expiration", d.graceRemainingMin));
  if ([2, 3, 4, 6].includes(d.licenseStatus)) out.push(minutesLine("Time remaining", d.graceRemainingMin));
  if (d.licenseStatus === 5) out.push(`Notification Reason: 0x${d.notificationReason ?? "C004F009"} (grace time expired).`);
  out.push(`Remaining ${d.isWindows ? "Windows" : "App"} rearm count: ${d.remainingRearm}`);
  out.push(`Remaining SKU rearm count: ${d.remainingSkuRearm}`);
  out.push(`Trusted time: ${trustedTimeEnUs(d.trustedTime + (d.tzOffsetMin ?? 0) * 60_000)}`);

  const kc = d.kmsClient;
  if (kc) {
    out.push("Configured Activation Type: All");
    if (d.licenseStatus !== 1 || !kc.host) {
      out.push("Please use slmgr.vbs /ato to activate and update KMS client information in order to update values.");
    } else {
      const h = kc.host;
      out.push("", "Most recent activation information:", "Key Management Service client information");
      out.push(`    Client Machine ID (CMID): ${kc.cmid}`);
      out.push(`    ${h.source === "dns" ? "KMS machine name from DNS" : "Registered KMS machine name"}: ${h.name}:${h.port}`);
      out.push(`    KMS machine IP address: ${h.ip}`, `    KMS machine extended PID: ${h.epid}`);
      out.push(`    Activation interval: ${kc.activationInterval} minutes`, `    Renewal interval: ${kc.renewalInterval} minutes`);
      out.push("    KMS host caching is enabled");
    }
  }
  const kh = d.kmsHost;
  if (kh) {
    out.push("", "Key Management Service is enabled on this machine", `    Current count: ${kh.currentCount}`);
    out.push(`    Listening on Port: ${kh.listeningPort === 0 ? 1688 : kh.listeningPort}`);
    out.push(`    DNS publishing ${kh.dnsPublishing ? "enabled" : "disabled"}`, `    KMS priority: ${kh.lowPriority ? "Low" : "Normal"}`);
    const c = kh.counters;
    if (c) {
      out.push("", "Key Management Service cumulative requests received from clients");
      out.push(`    Total requests received: ${c.total}`, `    Failed requests received: ${c.failed}`);
      out.push(`    Requests with License Status Unlicensed: ${c.unlicensed}`);
      out.push(`    Requests with License Status Licensed: ${c.licensed}`);
      out.push(`    Requests with License Status Initial grace period: ${c.oobGrace}`);
      out.push(`    Requests with License Status License expired or Hardware out of tolerance: ${c.ootGrace}`);
      out.push(`    Requests with License Status Non-genuine grace period: ${c.nonGenuine}`);
      out.push(`    Requests with License Status Notification: ${c.notification}`);
    }
  }
  // LineOut's blank separator before the next product, then WScript.Echo's own line end.
  if (!d.explicitActId) out.push("");
  out.push("");
  return out.map((l) => `${l}\r\n`).join("");
}
