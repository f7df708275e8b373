import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsedProductSchema, type ParsedProduct } from "../../kms/parsed";
import { parseCim } from "./cim";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "@/tests/support/fixtures";
import { KMS01_CLIENT_DNS, KMS01_HOST_SIDE, KMS01_PRODUCT, NO_CLIENT_INFO, NO_HOST_COUNTERS } from "@/tests/support/dlvExpectations";

const sharedDir = `${SHARED_FIXTURES}/cim/`;
const localDir = `${LOCAL_FIXTURES}/cim/`;
const json = (dir: string, name: string): unknown => JSON.parse(readFileSync(dir + name, "utf8"));

/** Pairs `<prefix>.SoftwareLicensingService.json` with `<prefix>.SoftwareLicensingProduct.json`. */
function pairs(dir: string): Map<string, { service?: unknown; products?: unknown }> {
  const out = new Map<string, { service?: unknown; products?: unknown }>();
  for (const f of readdirSync(dir)) {
    const m = /^(.*)\.SoftwareLicensing(Service|Product)\.json$/.exec(f);
    if (!m) continue;
    const entry = out.get(m[1]!) ?? {};
    if (m[2] === "Service") entry.service = json(dir, f);
    else entry.products = json(dir, f);
    out.set(m[1]!, entry);
  }
  return out;
}

function parse(input: { service?: unknown; products?: unknown }) {
  const r = parseCim(input);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  for (const p of r.value) parsedProductSchema.parse(p);
  return r;
}

const WIN_APP = "55c92734-d682-4d71-983e-d6ec3f16059f";
const CLIENT_NO_HOST_COUNTERS = { isKmsHost: false, ...NO_HOST_COUNTERS } as const;

const expected: Record<string, ParsedProduct[]> = {
  "kms01-host": [
    {
      source: "cim",
      adActivationObjectName: null,
      kmsHardwareSecured: null,
      // The same host as its /dlv fixture shows it; CIM adds the grace minutes, hresult and its own CMID.
      ...KMS01_PRODUCT,
      graceRemainingMin: 0,
      notificationReason: null,
      hresult: "0x00000000",
      trustedTime: "2024-05-13T12:00:03.000Z",
      configuredActivationType: "All",
      // A host is a KMS client of no one, but CIM still reports its own CMID and the client intervals.
      ...NO_CLIENT_INFO,
      cmid: "9a3e6d2c-41b7-4c8e-8f5d-2b7a61c0e944",
      activationIntervalMin: 120,
      renewalIntervalMin: 10080,
      hostCaching: true,
      ...KMS01_HOST_SIDE,
    },
  ],
  "ws-fin-0142-client": [
    {
      source: "cim",
      adActivationObjectName: null,
      kmsHardwareSecured: null,
      serviceVersion: "10.0.22631.3447",
      name: "Windows(R), Enterprise edition",
      description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
      channel: "VOLUME_KMSCLIENT",
      activationId: "73111121-5638-40f6-bc11-f1d7b0d64300",
      applicationId: WIN_APP,
      extendedPid: "03612-03311-000-000000-03-1033-22631.0000-0182024",
      productKeyChannel: "Volume:GVLK",
      partialProductKey: "2YT43",
      licenseStatus: "Licensed",
      graceRemainingMin: 259181,
      notificationReason: null,
      hresult: "0x00000000",
      remainingWindowsRearmCount: 1001,
      remainingSkuRearmCount: 1001,
      remainingAppRearmCount: null,
      trustedTime: "2024-05-13T11:30:51.000Z",
      configuredActivationType: "All",
      ...KMS01_CLIENT_DNS,
      listeningPort: 1688,
      dnsPublishing: true,
      kmsPriority: "Normal",
      ...CLIENT_NO_HOST_COUNTERS,
    },
  ],
  "ws-lab-0007-client-grace": [
    {
      source: "cim",
      adActivationObjectName: null,
      kmsHardwareSecured: null,
      serviceVersion: null,
      name: "Windows(R), Enterprise edition",
      description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
      channel: "VOLUME_KMSCLIENT",
      activationId: "73111121-5638-40f6-bc11-f1d7b0d64300",
      applicationId: WIN_APP,
      extendedPid: "03612-03311-000-000000-03-1033-22631.0000-1332024",
      productKeyChannel: "Volume:GVLK",
      partialProductKey: "2YT43",
      licenseStatus: "InitialGrace",
      graceRemainingMin: 41118,
      notificationReason: null,
      hresult: "0x4004F00C",
      remainingWindowsRearmCount: null,
      remainingSkuRearmCount: 1001,
      remainingAppRearmCount: null,
      trustedTime: "2024-05-13T11:40:00.000Z",
      configuredActivationType: "All",
      ...NO_CLIENT_INFO,
      activationIntervalMin: 120,
      renewalIntervalMin: 10080,
      listeningPort: null,
      dnsPublishing: null,
      kmsPriority: null,
      ...CLIENT_NO_HOST_COUNTERS,
    },
  ],
};

const ps7Service = {
  serviceVersion: "10.0.22631.3447",
  cmid: "7c4e2a91-0b3d-4f58-a6e2-19d0c3b4f5a6",
  kmsHost: "kms01.corp.contoso.com",
  kmsPort: 1688,
  kmsHostSource: "registered",
  kmsLookupDomain: "corp.contoso.com",
  activationIntervalMin: 120,
  renewalIntervalMin: 10080,
  hostCaching: false,
  listeningPort: 1688,
  dnsPublishing: true,
  kmsPriority: "Normal",
  ...CLIENT_NO_HOST_COUNTERS,
} as const;
const expectedLocal: Record<string, ParsedProduct[]> = {
  "ws-hr-0019-notification.ps7": [
    {
      source: "cim",
      adActivationObjectName: null,
      kmsHardwareSecured: null,
      name: "Windows(R), Enterprise edition",
      description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
      channel: "VOLUME_KMSCLIENT",
      activationId: "73111121-5638-40f6-bc11-f1d7b0d64300",
      applicationId: WIN_APP,
      extendedPid: "03612-03311-000-000000-03-1033-22631.0000-0452023",
      productKeyChannel: "Volume:GVLK",
      partialProductKey: "2YT43",
      licenseStatus: "Notification",
      graceRemainingMin: 0,
      notificationReason: "0xC004F009",
      hresult: "0xC004F009",
      remainingWindowsRearmCount: 1001,
      remainingSkuRearmCount: 1001,
      remainingAppRearmCount: null,
      trustedTime: "2024-05-13T07:41:07.418Z",
      configuredActivationType: "KMS",
      kmsHostIp: null,
      kmsHostExtendedPid: null,
      ...ps7Service,
    },
    {
      source: "cim",
      adActivationObjectName: null,
      kmsHardwareSecured: null,
      name: "Office 16, Office16ProPlusVL_KMS_Client edition",
      description: "Office 16, VOLUME_KMSCLIENT channel",
      channel: "VOLUME_KMSCLIENT",
      activationId: "d450596f-894d-49e0-966a-fd39ed4c4c64",
      applicationId: "0ff1ce15-a989-479d-af46-f275c6370663",
      extendedPid: "03612-03459-000-000000-03-1033-22631.0000-0452023",
      productKeyChannel: "Volume:GVLK",
      partialProductKey: "WFG99",
      licenseStatus: "Licensed",
      graceRemainingMin: 257040,
      notificationReason: null,
      hresult: "0x00000000",
      remainingWindowsRearmCount: null,
      remainingSkuRearmCount: 5,
      remainingAppRearmCount: 5,
      trustedTime: "2024-05-13T07:41:07.000Z",
      configuredActivationType: "All",
      kmsHostIp: "10.20.0.15",
      kmsHostExtendedPid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
      ...ps7Service,
    },
  ],
};

describe("parseCim: fixtures", () => {
  const shared = pairs(sharedDir);
  it("has an expectation for every shared fixture pair", () => {
    expect([...shared.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(shared.get("ws-lab-0007-client-grace")?.service).toBeUndefined();
  });
  it.each(Object.keys(expected))("shared %s", (prefix) => {
    const r = parse(shared.get(prefix) ?? {});
    expect(r.value).toEqual(expected[prefix]);
    expect(r.warnings).toEqual([]);
    expect(r.recognized).toContain("SoftwareLicensingProduct.LicenseStatus");
  });
  it.each(Object.keys(expectedLocal))("local %s (PS 7: ISO dates, strings for numbers, two products)", (prefix) => {
    const r = parse(pairs(localDir).get(prefix) ?? {});
    expect(r.value).toEqual(expectedLocal[prefix]);
    expect(r.warnings).toEqual([]);
  });
  it("reports properties it does not use", () => {
    const r = parse(shared.get("kms01-host") ?? {});
    expect(r.unrecognized.sort()).toEqual([
      "SoftwareLicensingProduct.LicenseIsAddon",
      "SoftwareLicensingProduct.RequiredClientCount",
      "SoftwareLicensingService.KeyManagementServiceActivationDisabled",
    ]);
  });
});

describe("parseCim: shapes and coercions", () => {
  const fin = pairs(sharedDir).get("ws-fin-0142-client") ?? {};
  const finProduct = fin.products as Record<string, unknown>;
  const finService = fin.service as Record<string, unknown>;
  const stringify = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" || typeof v === "boolean" ? String(v) : v]));

  it("strings instead of numbers and booleans give the same product", () => {
    expect(parse({ service: stringify(finService), products: [stringify(finProduct)] }).value).toEqual(expected["ws-fin-0142-client"]);
  });
  it("PS 7 ISO date, DMTF date and the PS 5.1 {value, DisplayHint} wrapper are all read", () => {
    for (const TrustedTime of [
      "2024-05-13T11:30:51Z",
      "2024-05-13T13:30:51+02:00",
      "20240513133051.000000+120",
      { value: "/Date(1715599851000)/", DisplayHint: 2, DateTime: "Monday, May 13, 2024 11:30:51 AM" },
    ]) {
      expect(parse({ service: finService, products: { ...finProduct, TrustedTime } }).value[0]!.trustedTime).toBe(
        "2024-05-13T11:30:51.000Z",
      );
    }
  });
  it("array of one product, {value, Count} wrapper, service in a one-element array", () => {
    expect(parse({ service: [finService], products: [finProduct] }).value).toEqual(expected["ws-fin-0142-client"]);
    const r = parse({ service: finService, products: { value: [finProduct], Count: 1 } });
    expect(r.value).toEqual(expected["ws-fin-0142-client"]);
    expect(r.warnings).toEqual(["products: unwrapped a PowerShell { value, Count } array wrapper"]);
  });
  it("registered host on the product beats the service's and the discovered one; port 0 -> 1688", () => {
    const r = parse({
      service: { ...finService, KeyManagementServiceMachine: "kms-svc", KeyManagementServicePort: 1700 },
      products: { ...finProduct, KeyManagementServiceMachine: "KMS-PROD.corp.contoso.com", KeyManagementServicePort: 0 },
    });
    expect([r.value[0]!.kmsHost, r.value[0]!.kmsPort, r.value[0]!.kmsHostSource]).toEqual([
      "KMS-PROD.corp.contoso.com",
      1688,
      "registered",
    ]);
    const s = parse({
      service: { ...finService, KeyManagementServiceMachine: "kms-svc", KeyManagementServicePort: 1700 },
      products: finProduct,
    });
    expect([s.value[0]!.kmsHost, s.value[0]!.kmsPort, s.value[0]!.kmsHostSource]).toEqual(["kms-svc", 1700, "registered"]);
  });
  it("low priority, host counters falling back to the service, negative reason", () => {
    const { KeyManagementServiceTotalRequests: _drop, ...noTotal } = finProduct;
    void _drop;
    const r = parse({
      service: {
        ...finService,
        KeyManagementServiceLowPriority: true,
        KeyManagementServiceTotalRequests: 42,
        IsKeyManagementServiceMachine: 1,
      },
      products: { ...noTotal, LicenseStatusReason: -1073418124 },
    });
    expect(r.value[0]).toMatchObject({
      kmsPriority: "Low",
      totalRequests: 42,
      isKmsHost: true,
      hresult: "0xC004F074",
      failedRequests: null,
    });
  });
  it("bad property values become null with a warning naming the property", () => {
    const r = parse({
      service: { ...finService, KeyManagementServiceHostCaching: "maybe" },
      products: [{ ...finProduct, LicenseStatus: { x: 1 }, TrustedTime: "yesterday", GracePeriodRemaining: "12.5" }, { LicenseStatus: 9 }],
    });
    expect(r.value[0]).toMatchObject({ licenseStatus: null, trustedTime: null, graceRemainingMin: null, hostCaching: null });
    expect(r.warnings).toEqual([
      'products[0].LicenseStatus: expected an integer, got {"x":1}',
      'products[0].GracePeriodRemaining: expected an integer, got "12.5"',
      'products[0].TrustedTime: expected a date, got "yesterday"',
      'service.KeyManagementServiceHostCaching: expected a boolean, got "maybe"',
      "products[1].LicenseStatus: unknown code 9",
    ]);
  });
  it("numbers beyond 32 bits become null with a warning; the not-applicable 0xFFFFFFFF stays a silent null", () => {
    const r = parse({
      service: finService,
      products: { ...finProduct, GracePeriodRemaining: 3_000_000_000, KeyManagementServiceTotalRequests: 4294967295 },
    });
    expect(r.value[0]).toMatchObject({ graceRemainingMin: null });
    expect(r.warnings).toEqual(["products[0].GracePeriodRemaining: expected an integer that fits 32 bits, got 3000000000"]);
  });
});

describe("parseCim: refusals", () => {
  const fail = (input: unknown) => {
    const r = parseCim(input as { service?: unknown; products?: unknown });
    return r.ok ? null : r.error;
  };
  it("wrong types say where", () => {
    expect(fail({ service: "SoftwareLicensingService", products: [] })).toEqual({
      code: "malformed",
      message: "service: expected an object, got string",
    });
    expect(fail({ products: "abc" })).toEqual({ code: "malformed", message: "products: expected an object, got string" });
    expect(fail({ products: [{}, 5] })).toEqual({ code: "malformed", message: "products[1]: expected an object, got number" });
    expect(fail({ service: [{}, {}] })?.message).toBe("service: expected an object, got array");
    expect(fail(null)).toEqual({ code: "malformed", message: "input: expected an object, got null" });
    expect(fail("text")?.code).toBe("malformed");
  });
  it("empty, too large, circular", () => {
    expect(fail({})?.code).toBe("empty");
    expect(fail({ service: null, products: [] })?.code).toBe("empty");
    expect(fail({ products: [{ Name: "x".repeat(2_000_001) }] })?.code).toBe("too_large");
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(fail({ products: [loop] })?.code).toBe("malformed");
  });
  it("a service without products is ok, empty, with a warning", () => {
    const r = parseCim({ service: pairs(sharedDir).get("kms01-host")?.service });
    expect(r.ok && r.value).toEqual([]);
    expect(r.ok && r.warnings).toEqual([
      "no SoftwareLicensingProduct objects: nothing to report per product (service data alone is not stored)",
    ]);
  });
});
