import { describe, expect, it } from "vitest";
import { ACT_ID_SERVER_2022_STD } from "./constants";
import { renderDlv, type DlvInput } from "./renderDlv";
import { expectFixture, FIXTURES_DIR, KMS01_COUNTERS, WIN_ENTERPRISE_GVLK } from "../../tests/support/simulatorFixtures";

// The fixtures print local time at UTC-4 (the CIM twin of each file carries the UTC instant).
const EDT = -240;
const utc = (iso: string) => Date.parse(iso);

const winClient: DlvInput = {
  ...WIN_ENTERPRISE_GVLK,
  installationId: "431702445269727077415862134833352591537238527135456482624128926",
  showLicenseUrls: false,
  partialProductKey: "2YT43",
  licenseStatus: 1,
  graceRemainingMin: 259181,
  isWindows: true,
  remainingRearm: 1001,
  remainingSkuRearm: 1001,
  trustedTime: utc("2024-05-13T11:30:51Z"),
  tzOffsetMin: EDT,
  kmsClient: {
    cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
    host: {
      source: "dns",
      name: "kms01.corp.contoso.com",
      port: 1688,
      ip: "10.20.0.15",
      epid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
    },
    activationInterval: 120,
    renewalInterval: 10080,
  },
};
const counters = KMS01_COUNTERS;
const host: DlvInput = {
  ...winClient,
  serviceVersion: "10.0.20348.2340",
  name: "Windows(R), ServerStandard edition",
  description: "Windows(R) Operating System, VOLUME_KMS_WS22 channel",
  activationId: ACT_ID_SERVER_2022_STD,
  extendedPid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
  productKeyChannel: "Volume:CSVLK",
  installationId: "857585575154521506962638171472570146606088617867163291086326034",
  showLicenseUrls: true,
  partialProductKey: "7QXHV",
  graceRemainingMin: 0,
  remainingRearm: 1000,
  trustedTime: utc("2024-05-13T12:00:03Z"),
  kmsClient: undefined,
  kmsHost: { currentCount: 50, listeningPort: 0, dnsPublishing: true, lowPriority: false, counters },
};

const cases: [string, DlvInput][] = [
  ["client-kms-licensed-dns.en-US.txt", winClient],
  [
    "client-kms-licensed-registered.en-US.txt",
    {
      ...winClient,
      extendedPid: "03612-03311-000-000000-03-1033-22631.0000-0702024",
      installationId: "945464291877496111976598321745040367773979431910605335301803635",
      graceRemainingMin: 259192,
      trustedTime: utc("2024-05-13T10:09:55Z"),
      kmsClient: {
        ...winClient.kmsClient!,
        cmid: "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b",
        host: { ...winClient.kmsClient!.host!, source: "registered" },
      },
    },
  ],
  [
    "client-kms-initial-grace-unreachable.en-US.txt",
    {
      ...winClient,
      extendedPid: "03612-03311-000-000000-03-1033-22631.0000-1332024",
      installationId: "106231989298348934731335175059632159377831723104361447582337148",
      licenseStatus: 2,
      graceRemainingMin: 41118,
      trustedTime: utc("2024-05-13T11:40:00Z"),
      kmsClient: { ...winClient.kmsClient!, host: null },
    },
  ],
  [
    "client-kms-notification.en-US.txt",
    {
      ...winClient,
      extendedPid: "03612-03311-000-000000-03-1033-22631.0000-2952023",
      installationId: "706653302326924405131014541509486140287324689303323574375997463",
      licenseStatus: 5,
      graceRemainingMin: 0,
      notificationReason: "C004F009",
      trustedTime: utc("2024-05-13T13:05:44Z"),
      kmsClient: { ...winClient.kmsClient!, host: null },
    },
  ],
  [
    "client-mak-licensed.en-US.txt",
    {
      ...winClient,
      description: "Windows(R) Operating System, VOLUME_MAK channel",
      extendedPid: "03612-03311-104-573920-03-1033-22631.0000-1002024",
      productKeyChannel: "Volume:MAK",
      installationId: "269562663198546325873613479582665244560786865842923781836191650",
      showLicenseUrls: true,
      partialProductKey: "K9CVP",
      graceRemainingMin: 0,
      trustedTime: utc("2024-05-13T14:20:08Z"),
      kmsClient: undefined,
    },
  ],
  [
    "client-office16-kms-licensed.en-US.txt",
    {
      ...winClient,
      name: "Office 16, Office16ProPlusVL_KMS_Client edition",
      description: "Office 16, VOLUME_KMSCLIENT channel",
      activationId: "d450596f-894d-49e0-966a-fd39ed4c4c64",
      applicationId: "0ff1ce15-a989-479d-af46-f275c6370663",
      extendedPid: "05426-00206-556-000000-03-1033-22631.0000-0182024",
      installationId: "174464651574173344121000976087177216982221042681286035315358645",
      partialProductKey: "WFG99",
      isWindows: false,
      remainingRearm: 5,
      remainingSkuRearm: 5,
      trustedTime: utc("2024-05-13T11:31:40Z"),
      explicitActId: true,
      kmsClient: {
        ...winClient.kmsClient!,
        host: { ...winClient.kmsClient!.host!, epid: "05426-00206-271-380514-03-1033-20348.0000-0452024" },
      },
    },
  ],
  ["kms-host-healthy.en-US.txt", host],
  [
    "kms-host-notification.en-US.txt",
    {
      ...host,
      extendedPid: "03612-03858-517-842005-03-1033-20348.0000-3122023",
      installationId: "004780470186787731088508467182143304928564953079186800762845483",
      partialProductKey: "B8CQX",
      licenseStatus: 5,
      notificationReason: "C004F009",
      trustedTime: utc("2024-05-13T15:01:12Z"),
      kmsHost: {
        ...host.kmsHost!,
        currentCount: 0,
        counters: { total: 14, failed: 14, unlicensed: 0, licensed: 5, oobGrace: 9, ootGrace: 0, nonGenuine: 0, notification: 0 },
      },
    },
  ],
];

describe.skipIf(!FIXTURES_DIR)("renderDlv reproduces the reference /dlv fixtures", () => {
  it.each(cases)("%s", (file, input) => expectFixture(renderDlv(input), `dlv/${file}`, "\r\n"));
});

describe("renderDlv rules", () => {
  it("uses CRLF only and ends with two blank lines", () => {
    const text = renderDlv(winClient);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.endsWith("KMS host caching is enabled\r\n\r\n\r\n")).toBe(true);
  });
  it("rounds days up like slmgr and prints Time remaining in grace", () => {
    const text = renderDlv({ ...winClient, licenseStatus: 3, graceRemainingMin: 1441, kmsClient: { ...winClient.kmsClient!, host: null } });
    expect(text).toContain(
      "License Status: Additional grace period (KMS license expired or hardware out of tolerance)\r\nTime remaining: 1441 minute(s) (2 day(s))\r\n",
    );
    expect(text).toContain("Please use slmgr.vbs /ato");
  });
});
