import { describe, expect, it } from "vitest";
import {
  adOnlyWithoutObjectFinding,
  type ClientDriftFacts,
  clientDriftRules,
  hardwareSecuredFinding,
  kmsWhileAdbaFinding,
  retailChannelFinding,
} from "./activation2026Rules";
import { officeBelowThresholdFinding } from "./officeRules";
import { readinessOf } from "../../kms/hardwareSecured";

const client = (over: Partial<ClientDriftFacts>): ClientDriftFacts => ({
  machineId: "m",
  fqdn: "pc.contoso.com",
  activationType: "kms",
  productName: "Windows 11",
  licenseStatus: "Licensed",
  configuredActivationType: "All",
  kmsHost: "kms01.contoso.com",
  volumeFleet: true,
  adObjectForProduct: null,
  ...over,
});
const first = (f: ClientDriftFacts) => clientDriftRules.map((r) => r(f)).find((x) => x !== null) ?? null;

describe("channel drift and ADBA findings (situation -> first finding, fix words)", () => {
  it.each([
    [
      "retail media in a volume fleet",
      client({ activationType: "retail", licenseStatus: "Notification", kmsHost: null }),
      "client-retail-in-volume-fleet",
      /slmgr\.vbs \/ipk <GVLK>/,
      /act-type/,
    ],
    [
      "AD only, no activation object",
      client({ activationType: "adba", configuredActivationType: "AD", licenseStatus: "InitialGrace", kmsHost: null }),
      "client-ad-only-no-activation-object",
      /activation object|act-type 0/,
      /ipk <GVLK>/,
    ],
    [
      "KMS client ADBA would cover",
      client({ adObjectForProduct: "Windows Server 2025 CSVLK" }),
      "client-kms-while-adba-covers",
      /act-type 1/,
      null,
    ],
    ["healthy KMS client", client({}), null, null, null],
    ["retail in a fleet without volume activation", client({ activationType: "retail", volumeFleet: false }), null, null, null],
    ["AD only, licensed", client({ activationType: "adba", configuredActivationType: "AD", kmsHost: null }), null, null, null],
  ] as const)("%s", (_n, facts, ruleId, must, mustNot) => {
    const f = first(facts);
    expect(f?.ruleId ?? null).toBe(ruleId);
    if (must) expect(f?.fix).toMatch(must);
    if (mustNot) expect(f?.fix).not.toMatch(mustNot);
  });
  it("keeps the informational ones informational", () => {
    expect(kmsWhileAdbaFinding(client({ adObjectForProduct: "AO" }))?.severity).toBe("info");
    expect(retailChannelFinding(client({ activationType: "retail" }))?.severity).toBe("warning");
    expect(adOnlyWithoutObjectFinding(client({ configuredActivationType: "AD", licenseStatus: "Unlicensed" }))?.severity).toBe("warning");
  });
});

describe("hardware-secured finding", () => {
  const host = { machineId: "h", fqdn: "kms.contoso.com" };
  it("is never more than information, and names the fix", () => {
    const f = hardwareSecuredFinding(
      host,
      readinessOf({
        sentence: "not_eligible",
        tpm: { present: false, enabled: null, specVersion: null, keyAttestation: null },
        hostOs: "windows-server-2025",
      }),
    );
    expect(f).toMatchObject({ severity: "info", ruleId: "host-hardware-secured-not-ready" });
    expect(f?.cause).toMatch(/hardware must change/);
    expect(f?.fix).toMatch(/TPM 2\.0/);
    expect(hardwareSecuredFinding(host, readinessOf({ sentence: "eligible", tpm: null, hostOs: null }))).toBeNull();
  });
});

describe("Office threshold", () => {
  const f = { machineId: "h", fqdn: "kms.contoso.com" };
  it.each([
    [3, null, true],
    [5, null, false],
    [6, 4, true],
    [0, null, false],
  ])("%i Office clients, Office count %s -> finding %s", (officeClients, officeCurrentCount, fires) => {
    expect(officeBelowThresholdFinding({ ...f, officeClients, officeCurrentCount }) !== null).toBe(fires);
  });
});
