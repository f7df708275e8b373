// Text of the 2026 scenario machines' artifacts: /dlv blocks (slmgr.vbs layout, see kms-formats.md §1) and
// Key Management Service log events (12290 as in the shared fixture; other IDs with a rendered message).
// Inferred pieces are the same as in tests/fixtures/2026/README.md.
import { WINDOWS_APP_ID, OFFICE_APP_ID } from "../../../lib/kms/appIds";

export type ProductSpec = {
  name: string;
  /** Word before " channel": VOLUME_KMSCLIENT, VOLUME_KMS_WS25, RETAIL… */
  channel: string;
  keyChannel: string;
  activationId: string;
  office?: boolean;
  status: "Licensed" | "Initial grace period" | "Notification";
  /** Minutes of validity (Licensed by KMS) or grace left. */
  minutes?: number;
  notificationReason?: string;
  configured?: "All" | "AD" | "KMS";
  kms?: { host: string; cmid: string };
  ad?: { objectName: string; domainDn: string };
};

export type HostSpec = { currentCount: number; total: number; sentence: "eligible" | "not_eligible" | null };

const d = (minutes: number) => Math.floor((minutes + 1439) / 1440);

function productBlock(p: ProductSpec): string[] {
  const lines = [
    `Name: ${p.name}`,
    `Description: ${p.office ? "Office 24" : "Windows(R) Operating System"}, ${p.channel} channel`,
    `Activation ID: ${p.activationId}`,
    `Application ID: ${p.office ? OFFICE_APP_ID : WINDOWS_APP_ID}`,
    `Product Key Channel: ${p.keyChannel}`,
    `Partial Product Key: ${p.activationId.slice(0, 5).toUpperCase()}`,
    `License Status: ${p.status}`,
  ];
  if (p.minutes !== undefined) {
    const label = p.status === "Licensed" ? "Volume activation expiration" : "Time remaining";
    lines.push(`${label}: ${p.minutes} minute(s) (${d(p.minutes)} day(s))`);
  }
  if (p.notificationReason) lines.push(`Notification Reason: ${p.notificationReason}.`);
  lines.push(p.office ? "Remaining App rearm count: 5" : "Remaining Windows rearm count: 1001", "Remaining SKU rearm count: 1001");
  if (p.configured) lines.push(`Configured Activation Type: ${p.configured}`);
  if (p.ad) {
    lines.push("", "Most recent activation information:", "AD Activation client information");
    lines.push(`    Activation Object name: ${p.ad.objectName}`, `    AO DN: CN=${p.ad.objectName},CN=Activation Objects,${p.ad.domainDn}`);
  } else if (p.kms) {
    lines.push("", "Most recent activation information:", "Key Management Service client information");
    lines.push(`    Client Machine ID (CMID): ${p.kms.cmid}`, `    KMS machine name from DNS: ${p.kms.host}:1688`);
    lines.push("    Activation interval: 120 minutes", "    Renewal interval: 10080 minutes", "    KMS host caching is enabled");
  }
  return lines;
}

export function renderDlv(version: string, products: readonly ProductSpec[], host?: HostSpec): string {
  const lines = [`Software licensing service version: ${version}`];
  for (const p of products) lines.push("", ...productBlock(p));
  if (host) {
    lines.push("", "Key Management Service is enabled on this machine", `    Current count: ${host.currentCount}`);
    lines.push("    Listening on Port: 1688", "    DNS publishing enabled", "    KMS priority: Normal", "");
    lines.push("Key Management Service cumulative requests received from clients", `    Total requests received: ${host.total}`);
    lines.push("    Failed requests received: 0");
    if (host.sentence === "eligible") lines.push("", "This device is eligible to serve as a KMS host with hardware-based security.");
    if (host.sentence === "not_eligible")
      lines.push("", "This device doesn't meet the requirements for using a KMS host with hardware-based security.");
  }
  return `${lines.join("\r\n")}\r\n\r\n`;
}

const NS = "http://schemas.microsoft.com/win/2004/08/events/event";
const system = (id: number, level: number, record: number, at: Date, computer: string) =>
  `<System><Provider Name='Microsoft-Windows-Security-SPP' Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='KmsRequests'/>` +
  `<EventID Qualifiers='16384'>${id}</EventID><Version>0</Version><Level>${level}</Level><Task>0</Task><Opcode>0</Opcode>` +
  `<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='${at.toISOString()}'/><EventRecordID>${record}</EventRecordID>` +
  `<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Key Management Service</Channel><Computer>${computer}</Computer><Security/></System>`;

export type Request12290 = {
  hresult: string;
  minCount: number;
  client: string;
  cmid: string;
  licensing: number;
  minutes: number;
  activationId: string;
};

export function render12290(record: number, at: Date, computer: string, r: Request12290): string {
  const t = `${at.getUTCFullYear()}/${at.getUTCMonth() + 1}/${at.getUTCDate()} ${at.getUTCHours()}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  const fields = [r.hresult, String(r.minCount), r.client, r.cmid, t, "0", String(r.licensing), String(r.minutes), r.activationId];
  const data = [fields.join(","), ...fields].map((v) => `<Data>${v}</Data>`).join("");
  return `<Event xmlns='${NS}'>${system(12290, 4, record, at, computer)}<EventData>${data}</EventData></Event>`;
}

/** A Key Management Service log event of an undocumented ID (readiness warnings), rendered or not. */
export function renderOtherKmsEvent(id: number, record: number, at: Date, computer: string, message: string | null): string {
  const rendering = message ? `<RenderingInfo Culture='en-US'><Message>${message}</Message><Level>Warning</Level></RenderingInfo>` : "";
  return `<Event xmlns='${NS}'>${system(id, 3, record, at, computer)}<EventData><Data>0x80290400</Data></EventData>${rendering}</Event>`;
}
