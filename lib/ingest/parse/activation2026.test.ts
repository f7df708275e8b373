// The /dlv sentences and AD block, the whole Key Management Service log, and OSLicense output (issue #16 fixtures).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_FIXTURES } from "../../../tests/support/fixtures";
import { parseDlv } from "./dlv";
import { parseEventXml } from "./eventXml";
import { summarizeOsLicense } from "./osLicense";
import { reportOf } from "../prepareReport";
import { tpmArtifactSchema, osLicenseArtifactSchema } from "@/lib/kms/protocol";

const read = (...p: string[]) => readFileSync(path.join(LOCAL_FIXTURES, "2026", ...p), "utf8");
const products = (file: string) => {
  const r = parseDlv(read("dlv", file));
  if (!r.ok) throw new Error(r.error.message);
  expect(r.unrecognized).toEqual([]);
  return r.value;
};

describe("/dlv in 2026", () => {
  it.each([
    ["kms-host-ws2025-hwsecured-eligible.INFERRED.en-US.txt", "eligible"],
    ["kms-host-ws2025-hwsecured-not-eligible.INFERRED.en-US.txt", "not_eligible"],
    ["client-adba-licensed.INFERRED.en-US.txt", null],
  ])("%s: hardware-secured readiness %s, on the host product, no stray product", (file, state) => {
    const list = products(file);
    expect(list).toHaveLength(1);
    expect(list[0]?.kmsHardwareSecured).toBe(state);
  });
  it("reads the AD activation object", () => {
    expect(products("client-adba-licensed.INFERRED.en-US.txt")[0]).toMatchObject({
      configuredActivationType: "AD",
      adActivationObjectName: "Windows Server 2025 CSVLK",
      channel: "VOLUME_KMSCLIENT",
    });
  });
  it("reads Office and retail products", () => {
    expect(products("client-office24-kms-licensed.INFERRED.en-US.txt")[0]).toMatchObject({
      remainingAppRearmCount: 5,
      kmsHost: "kms25a.corp.contoso.com",
    });
    expect(products("client-retail-media.en-US.txt")[0]).toMatchObject({ channel: "RETAIL", productKeyChannel: "Retail" });
  });
});

describe("the whole Key Management Service log", () => {
  it("keeps events of undocumented IDs without a warning", () => {
    const r = parseEventXml(read("events", "kms-log-hwsecured-readiness.INFERRED.xml"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((i) => (i.ok ? i.event.eventId : null))).toEqual([12320, 12321]);
    expect(r.warnings).toEqual([]);
  });
  it("still warns on a stray non-KMS event of another log", () => {
    const xml = read("events", "kms-log-hwsecured-readiness.INFERRED.xml").replaceAll(
      "<Channel>Key Management Service</Channel>",
      "<Channel>Application</Channel>",
    );
    const r = parseEventXml(xml);
    expect(r.ok && r.warnings.some((w) => w.includes("not a KMS activation event"))).toBe(true);
  });
});

describe("TPM and OSLicense artifacts", () => {
  it.each(["ready.get-tpm.json", "no-key-attestation.get-tpm.json", "tpm12.win32tpm.json", "disabled.get-tpm.json", "none.json"])(
    "%s matches the protocol",
    (file) => {
      expect(tpmArtifactSchema.safeParse(JSON.parse(read("tpm", file))).success).toBe(true);
    },
  );
  it("refuses a TPM artifact with a wrong type", () => {
    expect(tpmArtifactSchema.safeParse({ ...JSON.parse(read("tpm", "ready.get-tpm.json")), present: "yes" }).success).toBe(false);
  });
  it("summarizes the cmdlets' known fields and keeps the output raw", () => {
    const kms = osLicenseArtifactSchema.parse(JSON.parse(read("oslicense", "get-kmslicenseinfo.host.json")));
    expect(summarizeOsLicense(kms.cmdlet, kms.output)).toEqual({
      cmdlet: "Get-KmsLicenseInfo",
      currentCount: 31,
      licensedRequests: 2190,
      failedRequests: 0,
      totalRequests: 2210,
    });
    const ad = osLicenseArtifactSchema.parse(JSON.parse(read("oslicense", "get-adlicenseinfo.INFERRED.json")));
    expect(summarizeOsLicense(ad.cmdlet, ad.output)).toEqual({
      cmdlet: "Get-ADLicenseInfo",
      activationObjects: ["Windows Server 2025 CSVLK"],
    });
    const report = reportOf(ad);
    expect(report.kind).toBe("oslicense:Get-ADLicenseInfo");
    expect(report.body.output).toEqual(ad.output);
  });
});

describe("snapshots stored before the 2026 fields", () => {
  it("keep their content hash while the new fields are null", async () => {
    const { snapshotOf } = await import("../prepare");
    const [product] = products("client-retail-media.en-US.txt");
    if (!product) throw new Error("no product");
    const { adActivationObjectName: _a, kmsHardwareSecured: _k, ...older } = product;
    const at = new Date("2026-12-01T00:00:00Z");
    expect(snapshotOf("dlv", "x", product, at).contentHash).toBe(snapshotOf("dlv", "x", older as typeof product, at).contentHash);
    expect(snapshotOf("dlv", "x", { ...product, adActivationObjectName: "AO" }, at).contentHash).not.toBe(
      snapshotOf("dlv", "x", product, at).contentHash,
    );
  });
});
