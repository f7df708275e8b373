import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_PARSE_INPUT_CHARS, parsedProductSchema, type ParsedProduct, type ParseResult } from "../kms/parsed";
import { parseDlv } from "./dlv";

const SHARED = fileURLToPath(new URL("../../../shared/fixtures/dlv/", import.meta.url));
const LOCAL = fileURLToPath(new URL("../../tests/fixtures/dlv/", import.meta.url));

const shared = (f: string) => readFileSync(SHARED + f, f.includes(".cp850.") ? "latin1" : "utf8");
const local = (f: string) => readFileSync(LOCAL + f, "utf8");

function ok(r: ParseResult<ParsedProduct[]>) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  for (const p of r.value) parsedProductSchema.parse(p);
  return r;
}
const one = (text: string) => {
  const r = ok(parseDlv(text));
  expect(r.value).toHaveLength(1);
  return r.value[0];
};

/** Hard-wraps every line at `width` columns, exactly like a narrow console buffer. */
function wrapAt(text: string, width: number): string {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((l) => {
      const out: string[] = [];
      for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
      return out.length ? out : [""];
    })
    .join("\r\n");
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WIN_ENT = {
  serviceVersion: "10.0.22631.3447",
  name: "Windows(R), Enterprise edition",
  description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
  channel: "VOLUME_KMSCLIENT",
  activationId: "73111121-5638-40f6-bc11-f1d7b0d64300",
  applicationId: "55c92734-d682-4d71-983e-d6ec3f16059f",
  productKeyChannel: "Volume:GVLK",
  partialProductKey: "2YT43",
  hresult: null,
  isKmsHost: false,
  source: "dlv",
} as const;

const NO_HOST_SIDE = {
  currentCount: null,
  listeningPort: null,
  dnsPublishing: null,
  kmsPriority: null,
  totalRequests: null,
  failedRequests: null,
  requestsUnlicensed: null,
  requestsLicensed: null,
  requestsInitialGrace: null,
  requestsExpiredOrOot: null,
  requestsNonGenuineGrace: null,
  requestsNotification: null,
} as const;

const NO_CLIENT_INFO = {
  cmid: null,
  kmsHost: null,
  kmsPort: null,
  kmsHostIp: null,
  kmsHostSource: null,
  kmsHostExtendedPid: null,
  kmsLookupDomain: null,
  activationIntervalMin: null,
  renewalIntervalMin: null,
  hostCaching: null,
} as const;

const KMS01_CLIENT_DNS = {
  cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
  kmsHost: "kms01.corp.contoso.com",
  kmsPort: 1688,
  kmsHostIp: "10.20.0.15",
  kmsHostSource: "dns",
  kmsHostExtendedPid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
  kmsLookupDomain: null,
  activationIntervalMin: 120,
  renewalIntervalMin: 10080,
  hostCaching: true,
} as const;

const KMS01_HOST = {
  source: "dlv",
  serviceVersion: "10.0.20348.2340",
  name: "Windows(R), ServerStandard edition",
  description: "Windows(R) Operating System, VOLUME_KMS_WS22 channel",
  channel: "VOLUME_KMS_WS22",
  activationId: "9bd77860-9b31-4b7b-96ad-2564017315bf",
  applicationId: "55c92734-d682-4d71-983e-d6ec3f16059f",
  extendedPid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
  productKeyChannel: "Volume:CSVLK",
  partialProductKey: "7QXHV",
  licenseStatus: "Licensed",
  graceRemainingMin: null,
  notificationReason: null,
  hresult: null,
  remainingWindowsRearmCount: 1000,
  remainingSkuRearmCount: 1001,
  remainingAppRearmCount: null,
  trustedTime: "5/13/2024 8:00:03 AM",
  configuredActivationType: null,
  isKmsHost: true,
  currentCount: 50,
  listeningPort: 1688,
  dnsPublishing: true,
  kmsPriority: "Normal",
  totalRequests: 18342,
  failedRequests: 37,
  requestsUnlicensed: 12,
  requestsLicensed: 17105,
  requestsInitialGrace: 1188,
  requestsExpiredOrOot: 34,
  requestsNonGenuineGrace: 0,
  requestsNotification: 3,
  ...NO_CLIENT_INFO,
} as const;

const PC_COMPTA_07 = {
  ...WIN_ENT,
  extendedPid: "03612-03311-000-000000-03-1036-22631.0000-0252024",
  licenseStatus: "Licensed",
  graceRemainingMin: 259164,
  remainingWindowsRearmCount: 1001,
  remainingSkuRearmCount: 1001,
  trustedTime: "13/05/2024 10:41:09",
  configuredActivationType: "All",
  cmid: "a4b5c6d7-e8f9-4a0b-8c1d-2e3f4a5b6c7d",
  kmsHost: "kms-par01.fr.contoso.com",
  kmsPort: 1688,
  kmsHostIp: "10.60.0.10",
  kmsHostSource: "dns",
  kmsHostExtendedPid: "03612-03858-517-842219-03-1036-20348.0000-0512024",
  activationIntervalMin: 120,
  renewalIntervalMin: 10080,
  hostCaching: true,
  ...NO_HOST_SIDE,
} as const;

/** Written out by reading each fixture, not by running the parser. */
const EXPECTED: Record<string, Partial<ParsedProduct>> = {
  "client-kms-initial-grace-unreachable.en-US.txt": {
    ...WIN_ENT,
    extendedPid: "03612-03311-000-000000-03-1033-22631.0000-1332024",
    licenseStatus: "InitialGrace",
    graceRemainingMin: 41118,
    notificationReason: null,
    remainingWindowsRearmCount: 1001,
    remainingSkuRearmCount: 1001,
    remainingAppRearmCount: null,
    trustedTime: "5/13/2024 7:40:00 AM",
    configuredActivationType: "All",
    ...NO_CLIENT_INFO,
    ...NO_HOST_SIDE,
  },
  "client-kms-licensed-dns.en-US.txt": {
    ...WIN_ENT,
    extendedPid: "03612-03311-000-000000-03-1033-22631.0000-0182024",
    licenseStatus: "Licensed",
    graceRemainingMin: 259181,
    notificationReason: null,
    remainingWindowsRearmCount: 1001,
    remainingSkuRearmCount: 1001,
    remainingAppRearmCount: null,
    trustedTime: "5/13/2024 7:30:51 AM",
    configuredActivationType: "All",
    ...KMS01_CLIENT_DNS,
    ...NO_HOST_SIDE,
  },
  "client-kms-licensed-dns.fr-FR.INFERRED-LABELS.txt": PC_COMPTA_07,
  "client-kms-licensed-dns.fr-FR.INFERRED-LABELS.cp850.txt": PC_COMPTA_07,
  "client-kms-licensed-registered.en-US.txt": {
    ...WIN_ENT,
    extendedPid: "03612-03311-000-000000-03-1033-22631.0000-0702024",
    licenseStatus: "Licensed",
    graceRemainingMin: 259192,
    remainingWindowsRearmCount: 1001,
    remainingSkuRearmCount: 1001,
    trustedTime: "5/13/2024 6:09:55 AM",
    configuredActivationType: "All",
    cmid: "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b",
    kmsHost: "kms01.corp.contoso.com",
    kmsPort: 1688,
    kmsHostIp: "10.20.0.15",
    kmsHostSource: "registered",
    kmsHostExtendedPid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
    kmsLookupDomain: null,
    activationIntervalMin: 120,
    renewalIntervalMin: 10080,
    hostCaching: true,
    ...NO_HOST_SIDE,
  },
  "client-kms-notification.en-US.txt": {
    ...WIN_ENT,
    extendedPid: "03612-03311-000-000000-03-1033-22631.0000-2952023",
    licenseStatus: "Notification",
    graceRemainingMin: null,
    notificationReason: "0xC004F009",
    remainingWindowsRearmCount: 1001,
    remainingSkuRearmCount: 1001,
    trustedTime: "5/13/2024 9:05:44 AM",
    configuredActivationType: "All",
    ...NO_CLIENT_INFO,
    ...NO_HOST_SIDE,
  },
  "client-mak-licensed.en-US.txt": {
    ...WIN_ENT,
    description: "Windows(R) Operating System, VOLUME_MAK channel",
    channel: "VOLUME_MAK",
    extendedPid: "03612-03311-104-573920-03-1033-22631.0000-1002024",
    productKeyChannel: "Volume:MAK",
    partialProductKey: "K9CVP",
    licenseStatus: "Licensed",
    graceRemainingMin: null,
    remainingWindowsRearmCount: 1001,
    remainingSkuRearmCount: 1001,
    trustedTime: "5/13/2024 10:20:08 AM",
    configuredActivationType: null,
    ...NO_CLIENT_INFO,
    ...NO_HOST_SIDE,
  },
  "client-office16-kms-licensed.en-US.txt": {
    source: "dlv",
    serviceVersion: "10.0.22631.3447",
    name: "Office 16, Office16ProPlusVL_KMS_Client edition",
    description: "Office 16, VOLUME_KMSCLIENT channel",
    channel: "VOLUME_KMSCLIENT",
    activationId: "d450596f-894d-49e0-966a-fd39ed4c4c64",
    applicationId: "0ff1ce15-a989-479d-af46-f275c6370663",
    extendedPid: "05426-00206-556-000000-03-1033-22631.0000-0182024",
    productKeyChannel: "Volume:GVLK",
    partialProductKey: "WFG99",
    licenseStatus: "Licensed",
    graceRemainingMin: 259181,
    remainingWindowsRearmCount: null,
    remainingAppRearmCount: 5,
    remainingSkuRearmCount: 5,
    trustedTime: "5/13/2024 7:31:40 AM",
    configuredActivationType: "All",
    ...KMS01_CLIENT_DNS,
    kmsHostExtendedPid: "05426-00206-271-380514-03-1033-20348.0000-0452024",
    isKmsHost: false,
    ...NO_HOST_SIDE,
  },
  "kms-host-healthy.en-US.txt": KMS01_HOST,
  "kms-host-healthy.fr-FR.INFERRED-LABELS.txt": {
    ...KMS01_HOST,
    extendedPid: "03612-03858-517-842219-03-1036-20348.0000-0512024",
    partialProductKey: "M3R8J",
    trustedTime: "13/05/2024 10:50:27",
    totalRequests: 6120,
    failedRequests: 4,
    requestsUnlicensed: 2,
    requestsLicensed: 5731,
    requestsInitialGrace: 380,
    requestsExpiredOrOot: 7,
    requestsNonGenuineGrace: 0,
    requestsNotification: 0,
  },
  "kms-host-notification.en-US.txt": {
    ...KMS01_HOST,
    extendedPid: "03612-03858-517-842005-03-1033-20348.0000-3122023",
    partialProductKey: "B8CQX",
    licenseStatus: "Notification",
    notificationReason: "0xC004F009",
    trustedTime: "5/13/2024 11:01:12 AM",
    currentCount: 0,
    totalRequests: 14,
    failedRequests: 14,
    requestsUnlicensed: 0,
    requestsLicensed: 5,
    requestsInitialGrace: 9,
    requestsExpiredOrOot: 0,
    requestsNonGenuineGrace: 0,
    requestsNotification: 0,
  },
};

const SHARED_FILES = readdirSync(SHARED).filter((f) => f.endsWith(".txt"));
const EN_FILES = SHARED_FILES.filter((f) => f.includes(".en-US."));

describe("parseDlv: shared fixtures", () => {
  it("has an expectation for every fixture", () => {
    expect(SHARED_FILES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of SHARED_FILES) {
    it(`parses ${file}`, () => {
      const r = ok(parseDlv(shared(file)));
      expect(r.value).toHaveLength(1);
      expect(r.value[0]).toMatchObject(EXPECTED[file]);
      expect(r.unrecognized).toEqual([]);
      expect(r.recognized).toContain("Partial Product Key");
      expect(r.recognized).toContain("License Status");
      if (file.includes("fr-FR")) expect(r.warnings).toContain("French labels (best effort)");
      else expect(r.warnings).toEqual([]);
    });
  }

  it("reports the labels it recognized, in order, once each", () => {
    const r = ok(parseDlv(shared("client-kms-licensed-dns.en-US.txt")));
    expect(r.recognized.slice(0, 4)).toEqual(["Software licensing service version", "Name", "Description", "Activation ID"]);
    expect(r.recognized).toContain("KMS machine name from DNS");
    expect(r.recognized).toContain("KMS host caching is enabled");
    expect(new Set(r.recognized).size).toBe(r.recognized.length);
  });

  it("flags the cp850 repair", () => {
    const r = ok(parseDlv(shared("client-kms-licensed-dns.fr-FR.INFERRED-LABELS.cp850.txt")));
    expect(r.warnings.some((w) => w.includes("850"))).toBe(true);
  });
});

describe("parseDlv: pasted variants (tests/fixtures/dlv)", () => {
  it("forum markdown paste: quote + fence, bold, bullets, escapes, lost header, thousands separators", () => {
    const r = ok(parseDlv(local("forum-markdown-host.md.txt")));
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toMatchObject({
      serviceVersion: "10.0.20348.2340",
      name: "Windows(R), ServerStandard edition",
      channel: "VOLUME_KMS_WS22",
      extendedPid: "03612-03858-517-842005-03-1033-20348.0000-3122023",
      partialProductKey: "B8CQX",
      licenseStatus: "Notification",
      notificationReason: "0xC004F009",
      remainingWindowsRearmCount: 1000,
      trustedTime: "5/13/2024 11:01:12 AM",
      isKmsHost: true,
      currentCount: 0,
      listeningPort: 1688,
      dnsPublishing: false,
      kmsPriority: "Low",
      totalRequests: 18342,
      failedRequests: 18342,
      requestsUnlicensed: 1234,
      requestsLicensed: 5,
      requestsInitialGrace: null,
    });
    expect(r.unrecognized).toEqual([
      "Hi all, our KMS host stopped activating clients & I am lost. Output of slmgr /dlv:",
      "The important part:",
      'KMS part (the "enabled on this machine" header got lost in my copy):',
      "Any idea? Thanks!",
    ]);
    expect(r.warnings).toContain("Markdown leftovers removed");
  });

  it("console wrapped at 80 columns: URL and a counter split across lines", () => {
    const r = ok(parseDlv(local("console-wrapped-80.txt")));
    expect(r.value).toEqual([KMS01_HOST]);
    expect(r.unrecognized).toEqual([]);
    expect(r.warnings).toContain("2 wrapped line(s) joined");
  });

  it("PowerShell transcript with WSH banner and prompts (LF)", () => {
    const r = ok(parseDlv(local("transcript-banner-prompt.txt")));
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toMatchObject({ ...EXPECTED["client-kms-licensed-dns.en-US.txt"] });
    expect(r.unrecognized).toContain("Microsoft (R) Windows Script Host Version 5.812");
    expect(r.unrecognized).toContain("PS C:\\Windows\\system32> cscript C:\\Windows\\System32\\slmgr.vbs /dlv");
    expect(r.unrecognized).toContain("Username: CORP\\jdoe");
    expect(r.unrecognized).toHaveLength(20);
  });

  it("/dlv all with Windows + unused Office SKU + Office ProPlus: one product per Name, version shared", () => {
    const r = ok(parseDlv(local("dlv-all-windows-office.txt")));
    expect(r.value.map((p) => p.name)).toEqual([
      "Windows(R), Enterprise edition",
      "Office 16, Office16StandardVL_KMS_Client edition",
      "Office 16, Office16ProPlusVL_KMS_Client edition",
    ]);
    expect(r.value.every((p) => p.serviceVersion === "10.0.22631.3447")).toBe(true);
    expect(r.value[0]).toMatchObject(EXPECTED["client-kms-licensed-dns.en-US.txt"]);
    expect(r.value[1]).toMatchObject({
      activationId: "dedfa23d-6ed1-45a6-85dc-63cae0546de6",
      extendedPid: null,
      productKeyChannel: null,
      partialProductKey: null,
      licenseStatus: "Unlicensed",
      remainingAppRearmCount: 5,
      cmid: null,
      kmsHost: null,
    });
    expect(r.value[2]).toMatchObject(EXPECTED["client-office16-kms-licensed.en-US.txt"]);
  });

  it("HTML paste: BOM, <pre>/<code>/<br>, &nbsp; indentation, bracketed IPv6, lookup domain, /skms warning", () => {
    const p = one(local("html-paste-registered.html.txt"));
    expect(p).toMatchObject({
      serviceVersion: "10.0.22631.3447",
      partialProductKey: "2YT43",
      licenseStatus: "Licensed",
      graceRemainingMin: 259192,
      cmid: "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b",
      kmsLookupDomain: "corp.contoso.com",
      kmsHost: "2001:db8:20::15",
      kmsPort: 1688,
      kmsHostIp: "2001:db8:20::15",
      kmsHostSource: "registered",
      hostCaching: false,
    });
    const r = ok(parseDlv(local("html-paste-registered.html.txt")));
    expect(r.unrecognized).toEqual(["Output from the ticket:", "Regards"]);
    expect(r.recognized).toContain("Warning");
  });

  it("/dli short output with DNS auto-discovery unavailable", () => {
    const r = ok(parseDlv(local("dli-short.txt")));
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toMatchObject({
      serviceVersion: null,
      name: "Windows(R), Enterprise edition",
      channel: "VOLUME_KMSCLIENT",
      activationId: null,
      partialProductKey: "2YT43",
      licenseStatus: "Licensed",
      graceRemainingMin: 259181,
      cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
      kmsHost: null,
      kmsPort: null,
      kmsHostSource: "dns",
      kmsHostIp: null,
      activationIntervalMin: 120,
      hostCaching: true,
    });
    expect(r.unrecognized).toEqual(["C:\\Windows\\system32>cscript //nologo slmgr.vbs /dli", "C:\\Windows\\system32>"]);
  });
});

describe("parseDlv: robustness built from the fixtures", () => {
  const base = shared("client-kms-licensed-dns.en-US.txt");
  const expected = EXPECTED["client-kms-licensed-dns.en-US.txt"];

  it.each([
    ["LF", base.replace(/\r\n/g, "\n")],
    ["lone CR", base.replace(/\r\n/g, "\r")],
    ["doubled blank lines", base.replace(/\r\n/g, "\r\n\r\n")],
    ["WSH banner", "Microsoft (R) Windows Script Host Version 5.812\r\nCopyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n" + base],
    ["indent with tabs and trailing spaces", base.replace(/^/gm, "\t  ").replace(/\r\n/g, "   \t\r\n")],
    ["non-breaking spaces", base.replace(/: /g, ":\u00a0").replace(/ {4}/g, "\u00a0\u00a0\u00a0\u00a0")],
    ["zero-width chars and BOM", "\ufeff" + base.replace(/Name:/g, "Na\u200bme:").replace(/License/g, "\u200dLicense")],
    ["upper-case labels", base.replace(/^[^:\r\n]+:/gm, (l) => l.toUpperCase())],
    ["lower-case everything but values", base.replace(/^[^:\r\n]+/gm, (l) => l.toLowerCase())],
    ["markdown quote", base.replace(/^/gm, "> ")],
    ["markdown bullets and bold", base.replace(/^(\S[^:\r\n]*):/gm, "- **$1:**")],
    ["inline code", base.replace(/: (.+)$/gm, ": `$1`")],
    ["HTML <br> + &nbsp;", base.replace(/\r\n/g, "<br>").replace(/ {4}/g, "&nbsp;&nbsp;&nbsp;&nbsp;")],
    ["<p> per line", base.split("\r\n").map((l) => `<p>${l}</p>`).join("")],
    ["cmd prompt around", "C:\\Windows\\system32>cscript //nologo slmgr.vbs /dlv\r\n" + base + "C:\\Windows\\system32>"],
  ])("%s", (_label, text) => {
    const p = one(text);
    expect(p).toMatchObject(expected);
  });

  for (const width of [40, 60, 80]) {
    it(`every en-US fixture survives a ${width}-column console wrap unchanged`, () => {
      for (const file of EN_FILES) {
        const text = shared(file);
        const r = ok(parseDlv(wrapAt(text, width)));
        expect(r.value, `${file} @${width}`).toEqual(ok(parseDlv(text)).value);
        expect(r.unrecognized, `${file} @${width}`).toEqual([]);
      }
    });
  }

  it("French fixtures survive a 60-column wrap", () => {
    for (const file of SHARED_FILES.filter((f) => f.includes("fr-FR"))) {
      const r = ok(parseDlv(wrapAt(shared(file), 60)));
      expect(r.value[0], file).toMatchObject(EXPECTED[file]);
    }
  });

  it("French with straight apostrophes, lost accents, or '?' for accents", () => {
    const fr = shared("kms-host-healthy.fr-FR.INFERRED-LABELS.txt");
    const straight = fr.replace(/’/g, "'");
    const ascii = fr.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const question = fr.replace(/[éÉèçâô]/g, "?");
    for (const text of [straight, ascii, question]) {
      const p = one(text);
      expect(p).toMatchObject(EXPECTED["kms-host-healthy.fr-FR.INFERRED-LABELS.txt"]);
    }
  });

  it("UTF-8 read as latin1 (mojibake) is repaired", () => {
    const mojibake = Buffer.from(shared("kms-host-healthy.fr-FR.INFERRED-LABELS.txt"), "utf8").toString("latin1");
    const r = ok(parseDlv(mojibake));
    expect(r.value[0]).toMatchObject(EXPECTED["kms-host-healthy.fr-FR.INFERRED-LABELS.txt"]);
    expect(r.warnings.some((w) => w.startsWith("UTF-8"))).toBe(true);
  });

  it("a value pushed to the next line is taken only when it has the value's shape", () => {
    const p = one(
      "Name: Windows(R), ServerStandard edition\r\nLicense Status:\r\nLicensed\r\n    Current count:\r\n50\r\nTrusted time: \r\nC:\\Windows\\system32>\r\n",
    );
    expect(p).toMatchObject({ licenseStatus: "Licensed", currentCount: 50, trustedTime: null });
    const r = ok(parseDlv("Name: x\nLicense Status: Licensed\nExtended PID:\nPS C:\\> exit\n"));
    expect(r.value[0].extendedPid).toBeNull();
    expect(r.unrecognized).toEqual(["PS C:\\> exit"]);
  });

  it("a label wrapped mid-word is joined back", () => {
    const text = "Name: Windows(R), ServerStandard edition\r\n    Requests with License Status License expired or Hardw\r\nare out of tolerance: 34\r\n";
    expect(one(text)).toMatchObject({ requestsExpiredOrOot: 34, isKmsHost: true });
  });
});

describe("parseDlv: field variants slmgr can print", () => {
  const head = "Name: Windows(R), Enterprise edition\r\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\n";

  it.each([
    ["Unlicensed", "Unlicensed"],
    ["Licensed", "Licensed"],
    ["Initial grace period", "InitialGrace"],
    ["Additional grace period (KMS license expired or hardware out of tolerance)", "AdditionalGrace"],
    ["Non-genuine grace period.", "NonGenuineGrace"],
    ["Notification", "Notification"],
    ["Extended grace period", "ExtendedGrace"],
    ["Unknown", null],
    ["LICENSED", "Licensed"],
  ])("License Status: %s", (printed, status) => {
    expect(one(`${head}License Status: ${printed}\r\n`).licenseStatus).toBe(status);
  });

  it.each([
    ["Volume activation expiration: 1,440 minute(s) (1 day(s))", 1440],
    ["Timebased activation expiration: 43200 minute(s) (30 day(s))", 43200],
    ["Automatic VM activation expiration: 10079 minute(s) (7 day(s))", 10079],
    ["Time remaining: 41 118 minute(s) (29 day(s))", 41118],
  ])("%s", (line, minutes) => {
    expect(one(`${head}License Status: Licensed\r\n${line}\r\n`).graceRemainingMin).toBe(minutes);
  });

  it("Notification Reason is zero-padded and upper-cased", () => {
    expect(one(`${head}License Status: Notification\r\nNotification Reason: 0xc004f00f.\r\n`).notificationReason).toBe(
      "0xC004F00F",
    );
    expect(one(`${head}License Status: Notification\r\nNotification Reason: 0x4F009 (non-genuine).\r\n`).notificationReason).toBe(
      "0x0004F009",
    );
  });

  it("unused license, AD activation type, evaluation date", () => {
    const p = one(
      `${head}Partial Product Key: This license is not in use.\r\nLicense Status: Unlicensed\r\nEvaluation End Date: 1/1/2030 12:00:00 AM\r\nConfigured Activation Type: AD\r\n`,
    );
    expect(p).toMatchObject({ partialProductKey: null, licenseStatus: "Unlicensed", configuredActivationType: "AD" });
  });

  it.each([
    ["Registered KMS machine name: kms01.corp.contoso.com:0", "kms01.corp.contoso.com", 1688, "registered"],
    ["Registered KMS machine name: kms02:1700", "kms02", 1700, "registered"],
    ["KMS machine name from DNS: [2001:db8::15]:1688", "2001:db8::15", 1688, "dns"],
    ["KMS machine name from DNS: 2001:db8::15:1688", "2001:db8::15", 1688, "dns"],
    ["KMS machine name from DNS: fe80::15", "fe80::15", null, "dns"],
    ["KMS machine name from DNS: KMS01.CORP.CONTOSO.COM", "KMS01.CORP.CONTOSO.COM", null, "dns"],
    ["DNS auto-discovery: KMS name not available", null, null, "dns"],
  ])("%s", (line, host, port, source) => {
    const p = one(`${head}License Status: Licensed\r\n    ${line}\r\n    KMS machine IP address: not available\r\n`);
    expect(p).toMatchObject({ kmsHost: host, kmsPort: port, kmsHostSource: source, kmsHostIp: null });
  });

  it("KMS host block without its header and without a Description still marks a KMS host", () => {
    const p = one(
      "Name: Windows(R), ServerDatacenter edition\r\nLicense Status: Licensed\r\n    Current count: 12\r\n    Listening on Port: 0\r\n    DNS publishing disabled\r\n    KMS priority: Low\r\n",
    );
    expect(p).toMatchObject({ isKmsHost: true, currentCount: 12, listeningPort: 1688, dnsPublishing: false, kmsPriority: "Low" });
  });

  it("VOLUME_KMS* channel other than KMSCLIENT is a host even without the KMS block; GUIDs lower-cased", () => {
    const p = one(
      "Name: Windows(R), ServerStandard edition\nDescription: Windows(R) Operating System, volume_kms_ws22 channel\nActivation ID: 9BD77860-9B31-4B7B-96AD-2564017315BF\nLicense Status: Licensed\n",
    );
    expect(p).toMatchObject({ channel: "VOLUME_KMS_WS22", isKmsHost: true, activationId: "9bd77860-9b31-4b7b-96ad-2564017315bf" });
  });
});

describe("parseDlv: damaged and hostile input", () => {
  const host = shared("kms-host-healthy.en-US.txt");

  it("empty and whitespace-only", () => {
    for (const text of ["", "   ", "\r\n\r\n\t \u00a0\r\n", "\ufeff\u200b", "```\n```"]) {
      const r = parseDlv(text);
      expect(r.ok ? "ok" : r.error.code, JSON.stringify(text)).toBe("empty");
    }
  });

  it("prose that happens to contain Name:/Description: is not a product", () => {
    const r = parseDlv("Name: John Smith\nDescription: printer on floor 2 is broken\nThanks\n");
    expect(r.ok ? "ok" : r.error.code).toBe("not_recognized");
  });

  it("truncated in the middle of a line keeps what was complete", () => {
    const cut = host.slice(0, host.indexOf("Requests with License Status Licensed") + 20);
    const r = ok(parseDlv(cut));
    expect(r.value[0]).toMatchObject({ partialProductKey: "7QXHV", totalRequests: 18342, requestsUnlicensed: 12, requestsLicensed: null });
    expect(r.unrecognized).toEqual(["Requests with Licens"]);

    const client = shared("client-kms-licensed-dns.en-US.txt");
    const cut2 = client.slice(0, client.indexOf("Client Machine ID (CMID): ") + 35);
    const r2 = ok(parseDlv(cut2));
    expect(r2.value[0]).toMatchObject({ licenseStatus: "Licensed", cmid: null, kmsHost: null });
    expect(r2.warnings.some((w) => w.includes("CMID") && w.includes("not a GUID"))).toBe(true);

    const r3 = ok(parseDlv(client.slice(0, client.indexOf("License Status"))));
    expect(r3.value[0].partialProductKey).toBe("2YT43");
    expect(r3.warnings.some((w) => w.includes("no License Status line"))).toBe(true);
  });

  it("paste starting mid-block still yields a product", () => {
    const r = ok(parseDlv(host.slice(host.indexOf("Partial Product Key"))));
    expect(r.value[0]).toMatchObject({ name: null, partialProductKey: "7QXHV", isKmsHost: true, serviceVersion: null });
    expect(r.warnings.some((w) => w.includes("no Name line"))).toBe(true);
  });

  it("binary garbage is not recognized", () => {
    const rnd = prng(7);
    let bin = "";
    for (let i = 0; i < 200_000; i++) bin += String.fromCharCode(Math.floor(rnd() * 256));
    const r = parseDlv(bin);
    expect(r.ok ? "ok" : r.error.code).toBe("not_recognized");
  });

  it("10 MB of noise is refused as too_large without scanning", () => {
    const rnd = prng(1);
    const chunk = Array.from({ length: 4096 }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join("");
    const big = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const r = parseDlv(big);
    expect(r.ok ? "ok" : r.error.code).toBe("too_large");
    expect(parseDlv("x".repeat(MAX_PARSE_INPUT_CHARS + 1)).ok).toBe(false);
  });

  it("~1.5 MB of noise lines finishes; with a fixture inside, unrecognized is capped", () => {
    const rnd = prng(42);
    const lines: string[] = [];
    let size = 0;
    while (size < 1_500_000) {
      const n = Math.floor(rnd() * 120);
      let l = "";
      for (let i = 0; i < n; i++) l += String.fromCharCode(32 + Math.floor(rnd() * 95));
      lines.push(l);
      size += n + 1;
    }
    const noise = lines.join("\n");
    const r = parseDlv(noise);
    expect(r.ok ? "ok" : r.error.code).toBe("not_recognized");

    const half = Math.floor(lines.length / 2);
    const mixed = [...lines.slice(0, half), "", host, "", ...lines.slice(half)].join("\n");
    const r2 = ok(parseDlv(mixed));
    expect(r2.value[0]).toMatchObject({ partialProductKey: "7QXHV", totalRequests: 18342 });
    expect(r2.unrecognized.length).toBe(50);
    expect(r2.warnings.some((w) => /unrecognized lines, only the first 50/.test(w))).toBe(true);
  });

  it("degenerate shapes stay linear (long lines, floods of lines, endless continuations)", () => {
    const cases = [
      "Description: " + "a".repeat(1_900_000),
      "a\n".repeat(900_000),
      "Installation ID: 1\n" + "1234567890\n".repeat(170_000),
      "<p " + "x".repeat(1_900_000),
      "> ".repeat(900_000) + "x",
      "*".repeat(1_900_000),
      "Name: x\nLicense Status: Licensed\n".repeat(60_000),
    ];
    for (const text of cases) {
      const r = parseDlv(text);
      if (r.ok) expect(r.value.length).toBeLessThanOrEqual(1000);
    }
  });

  it("never throws and always returns a ParseResult (random slices and mutations of every fixture)", () => {
    const rnd = prng(2024);
    const texts = [...SHARED_FILES.map(shared), ...readdirSync(LOCAL).map(local)];
    const junk = ["\u0000", "\ufffd", ":", "\r", "\n", "<br>", "&amp;", "**", "`", "\u00a0", "0x", "[", "]", "é", "’"];
    for (let i = 0; i < 400; i++) {
      const t = texts[Math.floor(rnd() * texts.length)];
      const a = Math.floor(rnd() * t.length);
      const b = a + Math.floor(rnd() * (t.length - a + 1));
      let s = t.slice(a, b);
      for (let k = Math.floor(rnd() * 5); k > 0; k--) {
        const at = Math.floor(rnd() * (s.length + 1));
        s = s.slice(0, at) + junk[Math.floor(rnd() * junk.length)] + s.slice(at);
      }
      const r = parseDlv(s);
      if (r.ok) {
        expect(r.value.length).toBeGreaterThan(0);
        for (const p of r.value) parsedProductSchema.parse(p);
        expect(r.unrecognized.length).toBeLessThanOrEqual(50);
      } else {
        expect(["empty", "not_recognized", "too_large", "malformed"]).toContain(r.error.code);
        expect(r.error.code).not.toBe("malformed");
      }
    }
  });

  it("a non-string slipping past the type system is reported, not thrown", () => {
    const r = parseDlv(undefined as unknown as string);
    expect(r.ok ? "ok" : r.error.code).toBe("malformed");
  });
});
