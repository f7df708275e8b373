import { describe, expect, it } from "vitest";
import { parseDlv } from "./dlv";
import { EXPECTED } from "../../../tests/support/dlvExpectations";
import { shared, ok, one, wrapAt, SHARED_FILES, EN_FILES } from "../../../tests/support/dlvFixtures";

describe("parseDlv: robustness built from the fixtures", () => {
  const base = shared("client-kms-licensed-dns.en-US.txt");
  const expected = EXPECTED["client-kms-licensed-dns.en-US.txt"]!;

  it.each([
    ["LF", base.replace(/\r\n/g, "\n")],
    ["lone CR", base.replace(/\r\n/g, "\r")],
    ["doubled blank lines", base.replace(/\r\n/g, "\r\n\r\n")],
    [
      "WSH banner",
      `Microsoft (R) Windows Script Host Version 5.812\r\nCopyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n${base}`,
    ],
    ["indent with tabs and trailing spaces", base.replace(/^/gm, "\t  ").replace(/\r\n/g, "   \t\r\n")],
    ["non-breaking spaces", base.replace(/: /g, ":\u00a0").replace(/ {4}/g, "\u00a0\u00a0\u00a0\u00a0")],
    ["zero-width chars and BOM", `\ufeff${base.replace(/Name:/g, "Na\u200bme:").replace(/License/g, "\u200dLicense")}`],
    ["upper-case labels", base.replace(/^[^:\r\n]+:/gm, (l) => l.toUpperCase())],
    ["lower-case everything but values", base.replace(/^[^:\r\n]+/gm, (l) => l.toLowerCase())],
    ["markdown quote", base.replace(/^/gm, "> ")],
    ["markdown bullets and bold", base.replace(/^(\S[^:\r\n]*):/gm, "- **$1:**")],
    ["inline code", base.replace(/: (.+)$/gm, ": `$1`")],
    ["HTML <br> + &nbsp;", base.replace(/\r\n/g, "<br>").replace(/ {4}/g, "&nbsp;&nbsp;&nbsp;&nbsp;")],
    [
      "<p> per line",
      base
        .split("\r\n")
        .map((l) => `<p>${l}</p>`)
        .join(""),
    ],
    ["cmd prompt around", `C:\\Windows\\system32>cscript //nologo slmgr.vbs /dlv\r\n${base}C:\\Windows\\system32>`],
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
      expect(r.value[0], file).toMatchObject(EXPECTED[file]!);
    }
  });

  it("French with straight apostrophes, lost accents, or '?' for accents", () => {
    const fr = shared("kms-host-healthy.fr-FR.INFERRED-LABELS.txt");
    const straight = fr.replace(/’/g, "'");
    const ascii = fr.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const question = fr.replace(/[éÉèçâô]/g, "?");
    for (const text of [straight, ascii, question]) {
      const p = one(text);
      expect(p).toMatchObject(EXPECTED["kms-host-healthy.fr-FR.INFERRED-LABELS.txt"]!);
    }
  });

  it("UTF-8 read as latin1 (mojibake) is repaired", () => {
    const mojibake = Buffer.from(shared("kms-host-healthy.fr-FR.INFERRED-LABELS.txt"), "utf8").toString("latin1");
    const r = ok(parseDlv(mojibake));
    expect(r.value[0]).toMatchObject(EXPECTED["kms-host-healthy.fr-FR.INFERRED-LABELS.txt"]!);
    expect(r.warnings.some((w) => w.startsWith("UTF-8"))).toBe(true);
  });

  it("a value pushed to the next line is taken only when it has the value's shape", () => {
    const p = one(
      "Name: Windows(R), ServerStandard edition\r\nLicense Status:\r\nLicensed\r\n    Current count:\r\n50\r\nTrusted time: \r\nC:\\Windows\\system32>\r\n",
    );
    expect(p).toMatchObject({ licenseStatus: "Licensed", currentCount: 50, trustedTime: null });
    const r = ok(parseDlv("Name: x\nLicense Status: Licensed\nExtended PID:\nPS C:\\> exit\n"));
    expect(r.value[0]!.extendedPid).toBeNull();
    expect(r.unrecognized).toEqual(["PS C:\\> exit"]);
  });

  it("a label wrapped mid-word is joined back", () => {
    const text =
      "Name: Windows(R), ServerStandard edition\r\n    Requests with License Status License expired or Hardw\r\nare out of tolerance: 34\r\n";
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
    expect(one(`${head}License Status: Notification\r\nNotification Reason: 0xc004f00f.\r\n`).notificationReason).toBe("0xC004F00F");
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
