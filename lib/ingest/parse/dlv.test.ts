import { describe, expect, it } from "vitest";
import { parseDlv } from "./dlv";
import { KMS01_HOST, EXPECTED } from "../../../tests/support/dlvExpectations";
import { shared, local, ok, one, SHARED_FILES } from "../../../tests/support/dlvFixtures";

describe("parseDlv: shared fixtures", () => {
  it("has an expectation for every fixture", () => {
    expect(SHARED_FILES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of SHARED_FILES) {
    it(`parses ${file}`, () => {
      const r = ok(parseDlv(shared(file)));
      expect(r.value).toHaveLength(1);
      expect(r.value[0]).toMatchObject(EXPECTED[file]!);
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
    expect(r.value[0]).toMatchObject(EXPECTED["client-kms-licensed-dns.en-US.txt"]!);
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
    expect(r.value[2]).toMatchObject(EXPECTED["client-office16-kms-licensed.en-US.txt"]!);
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
