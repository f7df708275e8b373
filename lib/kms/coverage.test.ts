import { createTranslator } from "use-intl/core";
import en from "@/lib/core/i18n/messages/en.json";
import { describe, expect, it } from "vitest";
import { OFFICE_APP_ID, WINDOWS_APP_ID } from "@/lib/kms/appIds";
import { coverageOf, hostKeySetOf, type HostProductFacts } from "@/lib/kms/coverage";
import { productCoverage } from "@/lib/kms/fleetCoverage";
import { hostKeys, requiredUpdates } from "@/lib/kms/hostKeyCoverage";
import { officeVersions } from "@/lib/kms/officeVolumePacks";
import { identifyProduct, type ClientProduct } from "@/lib/kms/productIdentity";

const hostKey = (channel: string, version: string): HostProductFacts => ({
  applicationId: WINDOWS_APP_ID,
  name: "Windows(R), ServerStandard edition",
  channel,
  isKmsHost: true,
  serviceVersion: version,
});
const officeKey = (name: string): HostProductFacts => ({
  applicationId: OFFICE_APP_ID,
  name,
  channel: "VOLUME_KMS",
  isKmsHost: true,
  serviceVersion: null,
});
const product = (name: string, version: string, app = WINDOWS_APP_ID): ClientProduct => {
  const p = identifyProduct({ applicationId: app, name, serviceVersion: version });
  if (p === null) throw new Error(`not identified: ${name} ${version}`);
  return p;
};
const WS2025 = product("Windows(R), ServerStandard edition", "10.0.26100.4946");
const WS2022 = product("Windows(R), ServerDatacenter edition", "10.0.20348.2340");
const WIN11 = product("Windows(R), Enterprise edition", "10.0.22631.3447");
const LTSC2024 = product("Windows(R), EnterpriseS edition", "10.0.26100.1000");
const OFFICE24 = product("Office 24, Office24ProPlus2024VL_KMS_Client_AE edition", "10.0.26100.1", OFFICE_APP_ID);
const OFFICE16 = product("Office 16, Office16ProPlusVL_KMS_Client edition", "10.0.22631.1", OFFICE_APP_ID);

describe("product identity", () => {
  it.each([
    [WS2025, "windows-server-2025"],
    [WS2022, "windows-server-2022"],
    [WIN11, "windows-11"],
    [LTSC2024, "windows-11-ltsc-2024"],
    [OFFICE24, "office-ltsc-2024"],
    [OFFICE16, "office-2016"],
  ])("%o is %s", (p, id) => expect(p.id).toBe(id));
  it("does not guess a server version from an unknown build", () => {
    expect(
      identifyProduct({ applicationId: WINDOWS_APP_ID, name: "Windows(R), ServerStandard edition", serviceVersion: "10.0.99999.1" }),
    ).toBeNull();
    expect(identifyProduct({ applicationId: WINDOWS_APP_ID, name: "Windows(R), Enterprise edition", serviceVersion: null })).toBeNull();
  });
});

// situation -> verdict, and words the fix must / must not contain
const table: [string, HostProductFacts[], ClientProduct, string, RegExp | null, RegExp | null][] = [
  ["WS2022 key on an updated 2022 host, 2022 client", [hostKey("VOLUME_KMS_WS22", "10.0.20348.2340")], WS2022, "covered", null, null],
  [
    "WS2022 key, WS2025 client",
    [hostKey("VOLUME_KMS_WS22", "10.0.20348.2340")],
    WS2025,
    "not_covered",
    /Windows Server 2025 CSVLK.*KB5034765/,
    /KB5034768/,
  ],
  [
    "WS2025 key on a 2022 host before KB5034765",
    [hostKey("VOLUME_KMS_WS25", "10.0.20348.2113")],
    WS2025,
    "not_covered",
    /KB5034765/,
    /CSVLK/,
  ],
  ["WS2025 key on a 2022 host after KB5034765", [hostKey("VOLUME_KMS_WS25", "10.0.20348.2322")], WS2025, "covered", null, null],
  [
    "WS2025 key on a 2019 host, update level unknown",
    [hostKey("VOLUME_KMS_WS25", "10.0.17763")],
    WS2025,
    "unknown",
    /KB5034768/,
    /KB5034765/,
  ],
  ["WS2025 key on a 2025 host, LTSC 2024 client", [hostKey("VOLUME_KMS_WS25", "10.0.26100.4946")], LTSC2024, "covered", null, null],
  [
    "WS2022 key, LTSC 2024 client",
    [hostKey("VOLUME_KMS_WS22", "10.0.20348.2340")],
    LTSC2024,
    "not_covered",
    /Windows Server 2025 CSVLK/,
    null,
  ],
  [
    "WS2019 key on a 2016 host, Windows 11 client",
    [hostKey("VOLUME_KMS_WS19", "10.0.14393.1")],
    WIN11,
    "not_covered",
    /Windows Server 2022 CSVLK/,
    null,
  ],
  ["unknown channel", [hostKey("VOLUME_KMS_XYZ", "10.0.20348.1")], WS2022, "unknown", null, null],
  [
    "Office 2024 client, no Office host key",
    [hostKey("VOLUME_KMS_WS25", "10.0.26100.1")],
    OFFICE24,
    "not_covered",
    /Office LTSC 2024 Volume License Pack/,
    null,
  ],
  [
    "Office 2024 client, Office 2021 pack only",
    [hostKey("VOLUME_KMS_WS25", "10.0.26100.1"), officeKey("Office 21, KMSHostVL edition")],
    OFFICE24,
    "not_covered",
    /2024/,
    null,
  ],
  [
    "Office 2016 client, Office 2024 pack",
    [hostKey("VOLUME_KMS_WS25", "10.0.26100.1"), officeKey("Office 24, KMSHostVL edition")],
    OFFICE16,
    "covered",
    null,
    null,
  ],
];

describe("coverage", () => {
  it.each(table)("%s", (_name, hostProducts, client, status, must, mustNot) => {
    const verdict = coverageOf(hostKeySetOf(hostProducts), client);
    expect(verdict.status).toBe(status);
    const fix = "fix" in verdict ? (verdict.fix ?? "") : "";
    if (must) expect(fix).toMatch(must);
    if (mustNot) expect(fix).not.toMatch(mustNot);
  });
});

describe("the tables", () => {
  it("give a source on every row", () => {
    for (const row of [...hostKeys, ...requiredUpdates, ...officeVersions]) expect(row.source.length).toBeGreaterThan(10);
    for (const row of hostKeys) expect(row.channelSource.length).toBeGreaterThan(10);
  });
  it("never let a key activate a client it cannot be installed beside (each row activates its own OS)", () => {
    for (const row of hostKeys) expect(row.activates).toContain(row.hostedOn[0]);
  });
});

describe("fleet coverage", () => {
  const host = (fqdn: string, products: HostProductFacts[]) => ({ machineId: fqdn, fqdn, keys: hostKeySetOf(products) });
  it.each([
    [
      "only a 2022 host without the WS2025 key",
      [host("kms22", [hostKey("VOLUME_KMS_WS22", "10.0.20348.2113")])],
      "not_covered",
      "critical",
    ],
    [
      "plus a 2025 host",
      [host("kms22", [hostKey("VOLUME_KMS_WS22", "10.0.20348.2113")]), host("kms25", [hostKey("VOLUME_KMS_WS25", "10.0.26100.1")])],
      "covered",
      null,
    ],
    [
      "a 2019 host with the WS2025 key, update level unknown",
      [host("kms19", [hostKey("VOLUME_KMS_WS25", "10.0.17763")])],
      "unknown",
      "warning",
    ],
    [
      "a host that reports no key proves nothing",
      [host("kms22", [hostKey("VOLUME_KMS_WS22", "10.0.20348.1")]), host("blank", [])],
      "not_covered",
      "critical",
    ],
  ] as const)("%s", (_n, hosts, status, severity) => {
    const c = productCoverage(hosts, WS2025, 3);
    expect(c.status).toBe(status);
    expect(c.severity).toBe(severity);
  });
});

describe("coverage texts", () => {
  // The dashboard says a verdict from the catalogue; findings and notifications use why/fix: the English must match.
  const t = createTranslator({ locale: "en", messages: en, namespace: "activation2026.verdict" });
  const say = (text: { key: string; values: Record<string, string> }) => t(text.key as "activates", text.values as never);
  it.each(table)("%s reads the same from the catalogue", (_name, hostProducts, client) => {
    const verdict = coverageOf(hostKeySetOf(hostProducts), client);
    expect(say(verdict.text.why)).toBe(verdict.why);
    if (verdict.status !== "covered") expect(verdict.text.fix ? say(verdict.text.fix) : null).toBe(verdict.fix);
  });
});
