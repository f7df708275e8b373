// Every finding text exists in both catalogues and every value its messages use is given by the rule: each rule
// (and each variant of its sentences) fires on the facts below, and renders in English and French without a
// missing key, a missing value or a leftover "{"; the English rendering is the finding's own text.
import { describe, expect, it } from "vitest";
import type { MessageRef } from "@/lib/core/i18n/messageRef";
import { translate } from "@/lib/core/i18n/translate";
import { LOCALES } from "@/lib/core/locales";
import en from "@/lib/core/i18n/messages/en.json";
import { flattenMessages } from "@/lib/present/i18n/catalogue";
import { readinessOf } from "@/lib/kms/hardwareSecured";
import { ago, client, host, NOW } from "../../../tests/support/diagnosisFacts";
import {
  adOnlyWithoutObjectFinding,
  coverageFinding,
  hardwareSecuredFinding,
  kmsWhileAdbaFinding,
  retailChannelFinding,
} from "./activation2026Rules";
import { forensicFindings } from "./forensicFindings";
import { diagnoseHostForensics } from "./forensicRules";
import type { HostForensicFacts, ServedEpid } from "./forensicTypes";
import { clientRules, diagnoseClient, diagnoseHost, hostRules } from "./index";
import { officeBelowThresholdFinding } from "./officeRules";
import type { Finding } from "./types";

const HOUR = 3_600_000;
const failing = (hresult: string) => ({ failedRequests: 60, failedRequestsByHresult7d: [{ hresult, count: 57 }] });
const hostFindings = [
  host({ licenseStatus: "Notification", notificationReason: "0xC004F009" }),
  host({ currentCount: 3, serverOnly: true, distinctClients30d: 3, distinctCmids30d: 3, refusedInsufficientCount30d: 4 }),
  host({ currentCount: 10, distinctClients30d: 40, distinctCmids30d: 10 }),
  ...["0xC004F038", "0xC004F041", "0xC004F042", "0xC004F06C", "0x800706BA", "0x12345678"].map((code) => host(failing(code))),
  host({ failedRequests: 60 }),
  host({ dnsPublishFailures: [{ at: ago(3), hresult: "0x80072338", domain: "corp.example" }] }),
  host({ dnsPublishFailures: [{ at: ago(3), hresult: null, domain: null }] }),
  host({ lastRequestAt: null }),
  host({ lastRequestAt: ago(12) }),
  host({ listeningPort: 1700, dnsPublishing: false }),
  host({ currentCount: 30, forecast: { crossesBelowAt: ago(-5), threshold: 25 } }),
  host({ currentCount: null, forecast: { crossesBelowAt: ago(-5), threshold: 25 } }),
  host({ unreachableClients24h: 1 }),
  host({ unreachableClients24h: 7, clockAheadMs: 6 * HOUR }),
].flatMap((f) => diagnoseHost(f, NOW));

const unanswered = { at: ago(1), hresult: "0x800706BA", kmsHost: null, kmsPort: null, answered: false };
const refused = (hresult: string) => ({ lastResponse: { at: ago(1), hresult, activated: false, hostCurrentCount: 3, minCount: 25 } });
const intended = { intendedChannel: "MAK intended for machines LT-*", channel: "VOLUME_MAK", productKeyChannel: "Volume:MAK" };
const clientFindings = [
  client({ lastRequest: unanswered, probe: { dnsSrvFound: false, tcpReachable: false, target: "kms1:1688" } }),
  client({ lastRequest: unanswered, probe: { dnsSrvFound: false, tcpReachable: null, target: null } }),
  client({ lastRequest: unanswered, probe: { dnsSrvFound: true, tcpReachable: true, target: "kms1:1688" } }),
  client({ lastRequest: { ...unanswered, hresult: null }, kmsHost: null, probe: null }),
  client({ licenseStatus: "AdditionalGrace", graceRemainingMin: 5000, expiresAt: null }),
  client({ licenseStatus: "InitialGrace", graceRemainingMin: null, expiresAt: null }),
  client({ licenseStatus: "Notification", notificationReason: "0xC004F009", expiresAt: null }),
  client({ channel: "RETAIL", productKeyChannel: "Retail", kmsHost: null, lastRequest: null, lastResponse: null }),
  client({ channel: "VOLUME_MAK", productKeyChannel: "Volume:MAK" }),
  client({ lastRenewalAt: ago(20), expiresAt: ago(-10) }),
  client({ kmsHostApproved: false, kmsHost: null }),
  client(refused("0xC004F038")),
  client({ ...refused("0xC004F038"), cmidMachines: 6 }),
  client({ lastResponse: { at: ago(1), hresult: null, activated: false, hostCurrentCount: 3, minCount: null } }),
  client({ ...refused("0xC004F041"), lastRequest: null, kmsHost: null }),
  client(refused("0xC004F042")),
  client({ clockAheadMs: 2 * HOUR }),
  ...["0xC004C008", "0xC004C020", "0xC004C003"].map((code) => client({ ...intended, notificationReason: code })),
  client({ ...intended, licenseStatus: "InitialGrace", graceRemainingMin: 9000 }),
  client({ ...intended, licenseStatus: "Notification" }),
  client({ ...intended, intendedChannel: "RETAIL intended for kiosks", licenseStatus: "Licensed", notificationReason: "0xC004C003" }),
].flatMap((f) => diagnoseClient(f, NOW));

const subject = { machineId: "m-1", fqdn: "kms1.corp.example" };
const drift = { ...subject, activationType: "kms", productName: null, licenseStatus: "Notification", configuredActivationType: "AD" };
const fleetFindings = [
  officeBelowThresholdFinding({ ...subject, officeClients: 2, officeCurrentCount: 2 }),
  officeBelowThresholdFinding({ ...subject, officeClients: 3, officeCurrentCount: null }),
  hardwareSecuredFinding(
    subject,
    readinessOf({
      sentence: "not_eligible",
      tpm: { present: true, enabled: false, specVersion: "1.2", keyAttestation: false },
      hostOs: null,
    }),
  ),
  hardwareSecuredFinding(subject, readinessOf({ sentence: "not_eligible", tpm: null, hostOs: null })),
  hardwareSecuredFinding(
    subject,
    readinessOf({
      sentence: "not_eligible",
      tpm: { present: false, enabled: null, specVersion: null, keyAttestation: null },
      hostOs: null,
    }),
  ),
  ...(["windows", "office"] as const).map((family) =>
    coverageFinding(
      subject,
      family === "windows"
        ? { family, id: "windows-11", name: "Windows 11" }
        : { family, id: "office-ltsc-2024", name: "Office LTSC 2024" },
      {
        status: "not_covered",
        why: "the host key is too old",
        fix: "install the newer CSVLK",
        text: { why: { key: "keyDoesNotActivate", values: {} }, fix: { key: "installNewerKey", values: {} } },
      },
      { clients: 4, refusedNotCovered: family === "windows" ? 2 : 0 },
    ),
  ),
  retailChannelFinding({ ...drift, activationType: "retail", volumeFleet: true, kmsHost: null, adObjectForProduct: null }),
  adOnlyWithoutObjectFinding({ ...drift, volumeFleet: true, kmsHost: null, adObjectForProduct: null }),
  kmsWhileAdbaFinding({
    ...drift,
    productName: "Windows 11",
    volumeFleet: true,
    kmsHost: "kms1",
    adObjectForProduct: "Windows Server 2025 AD",
  }),
].flatMap((f) => (f ? [f] : []));

const day = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const EPIDS = [
  "03612-00206-566-123456-03-1033-20348.0000-0792022",
  "03612-00206-566-123456-03-1033-20348.0000-3012026",
  "03612-00206-271-998877-03-1033-20348.0000-1502024",
  "03612-00206-271-998877-03-1033-17763.0000-0452015",
] as const;
const served = (epid: string, extra: Partial<ServedEpid> = {}): ServedEpid => ({
  family: "windows",
  epid,
  clients: 3,
  licensedClients: 3,
  firstSeenAt: day(20),
  lastSeenAt: day(1),
  ips: ["10.20.0.15"],
  clientSample: ["ws-1.corp"],
  ...extra,
});
const realHost: HostForensicFacts = {
  host: "kms01.corp",
  machineId: "m-kms01",
  approved: true,
  osBuild: 20348,
  ownEpids: [{ family: "windows", epid: EPIDS[0], since: day(300) }],
  served: [served(EPIDS[0])],
  clientsReporting: 3,
  activatedClients: 3,
};
const rogue = (names: string, s: ServedEpid[]): HostForensicFacts => ({
  ...realHost,
  host: names,
  machineId: null,
  approved: false,
  osBuild: null,
  ownEpids: [],
  served: s,
});
const received = (host: string, epid: string, ip: string | null) => ({
  client: "ws-1.corp",
  family: "windows",
  host,
  epid,
  ip,
  licensed: true,
  firstSeenAt: day(10),
  lastSeenAt: day(1),
});
const forensicHosts = [
  { ...realHost, served: [served(EPIDS[0]), served(EPIDS[2], { ips: [] })] },
  { ...realHost, host: "kms02.corp", machineId: "m-kms02", served: [served(EPIDS[0]), served(EPIDS[1])] },
  rogue("kms-rogue.lab", [served(EPIDS[2]), served(EPIDS[0]), served(EPIDS[3])]),
  rogue("kms-quiet.lab", []),
  rogue("kms-odd.lab", [served(EPIDS[3])]),
];
// Signals of names with no machine are shown on the host audit page only, not as findings.
const signals = forensicHosts.flatMap((f) => diagnoseHostForensics(f, NOW).signals);
const forensic = forensicFindings(
  forensicHosts,
  [received("kms-rogue.lab", EPIDS[2], "10.9.9.9"), received("kms-odd.lab", EPIDS[3], null)],
  {
    hostMachines: new Map([
      ["m-kms01", "kms01.corp"],
      ["m-kms02", "kms02.corp"],
    ]),
    clients: new Map([["ws-1.corp", { machineId: "m-ws1", fqdn: "WS-1.corp" }]]),
  },
  NOW,
);

type Texted = Pick<Finding, "ruleId" | "title" | "cause" | "fix" | "messages">;
const all: Texted[] = [...hostFindings, ...clientFindings, ...fleetFindings, ...forensic, ...signals];

function keysOf(ref: MessageRef, into: Set<string>): Set<string> {
  into.add(ref.key);
  for (const value of Object.values(ref.values ?? {})) if (value !== null && typeof value === "object") keysOf(value, into);
  return into;
}

describe("finding messages", () => {
  it("every diagnosis rule fires on the facts above", () => {
    const fired = new Set(all.map((f) => f.ruleId));
    for (const rule of [...hostRules, ...clientRules]) expect(fired, rule.id).toContain(rule.id);
  });

  it("every finding renders in every language, with each value filled, and English is the finding's own text", () => {
    for (const f of all) {
      expect(f.messages, f.ruleId).toBeDefined();
      for (const locale of LOCALES) {
        for (const part of ["title", "cause", "fix"] as const) {
          const text = translate(locale)(f.messages![part]);
          expect(text, `${f.ruleId} ${part} in ${locale}`).not.toBeNull();
          expect(text, `${f.ruleId} ${part} in ${locale}`).not.toMatch(/[{}]/);
          if (locale === "en") expect(text).toBe(f[part]);
        }
      }
    }
  });

  it("every finding text of the catalogue is used by some finding above (no sentence variant left untested)", () => {
    const used = new Set<string>();
    for (const f of all) for (const ref of Object.values(f.messages ?? {})) keysOf(ref, used);
    const catalogue = [...flattenMessages(en).keys()].filter((k) => k.startsWith("findings.rules.") || k.startsWith("findings.parts."));
    expect(catalogue.filter((k) => !used.has(k))).toEqual([]);
  });
});
