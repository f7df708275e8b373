import { describe, expect, it } from "vitest";
import { ACT_ID_SERVER_2022_STD, ACT_ID_WIN_ENTERPRISE, REASON_OOB_GRACE, WINDOWS_APP_ID } from "./constants";
import { renderCimProduct, renderCimService, type CimObject, type CimProductInput, type CimServiceInput } from "./renderCim";
import { FIXTURES_DIR, fixture, KMS01_COUNTERS } from "../../tests/support/simulatorFixtures";
import { KMS_HOST_SETTINGS, NO_KMS_TARGET } from "./views";

const counters = KMS01_COUNTERS;
const hostService: CimServiceInput = {
  ...NO_KMS_TARGET,
  ...KMS_HOST_SETTINGS,
  version: "10.0.20348.2340",
  cmid: "9a3e6d2c-41b7-4c8e-8f5d-2b7a61c0e944",
  isKmsHost: true,
  currentCount: 50,
  counters,
};
const clientService: CimServiceInput = {
  ...hostService,
  version: "10.0.22631.3447",
  cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13",
  isKmsHost: false,
  currentCount: null,
  discoveredName: "kms01.corp.contoso.com",
  discoveredPort: 1688,
  remainingWindowsRearm: 1001,
  counters: null,
};
const hostProduct: CimProductInput = {
  ...NO_KMS_TARGET,
  id: ACT_ID_SERVER_2022_STD,
  name: "Windows(R), ServerStandard edition",
  description: "Windows(R) Operating System, VOLUME_KMS_WS22 channel",
  applicationId: WINDOWS_APP_ID,
  productKeyChannel: "Volume:CSVLK",
  partialProductKey: "7QXHV",
  productKeyId: "03612-03858-517-842213-03-1033-20348.0000-0442024",
  licenseStatus: 1,
  licenseStatusReason: 0,
  graceRemainingMin: 0,
  discoveredIp: null,
  kmsHostEpid: null,
  isKmsHost: true,
  requiredClientCount: 5,
  currentCount: 50,
  counters,
  remainingAppRearm: 1001,
  remainingSkuRearm: 1001,
  trustedTime: 1715601603000,
};
const clientProduct: CimProductInput = {
  ...hostProduct,
  id: ACT_ID_WIN_ENTERPRISE,
  name: "Windows(R), Enterprise edition",
  description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
  productKeyChannel: "Volume:GVLK",
  partialProductKey: "2YT43",
  productKeyId: "03612-03311-000-000000-03-1033-22631.0000-0182024",
  graceRemainingMin: 259181,
  discoveredName: "kms01.corp.contoso.com",
  discoveredPort: 1688,
  discoveredIp: "10.20.0.15",
  kmsHostEpid: "03612-03858-517-842213-03-1033-20348.0000-0442024",
  isKmsHost: false,
  requiredClientCount: 25,
  currentCount: null,
  counters: null,
  trustedTime: 1715599851000,
};
const graceProduct: CimProductInput = {
  ...clientProduct,
  productKeyId: "03612-03311-000-000000-03-1033-22631.0000-1332024",
  licenseStatus: 2,
  licenseStatusReason: REASON_OOB_GRACE,
  graceRemainingMin: 41118,
  discoveredName: null,
  discoveredPort: 0,
  discoveredIp: null,
  kmsHostEpid: null,
  trustedTime: 1715600400000,
};

const cases: [string, CimObject][] = [
  ["kms01-host.SoftwareLicensingService.json", renderCimService(hostService)],
  ["kms01-host.SoftwareLicensingProduct.json", renderCimProduct(hostProduct)],
  ["ws-fin-0142-client.SoftwareLicensingService.json", renderCimService(clientService)],
  ["ws-fin-0142-client.SoftwareLicensingProduct.json", renderCimProduct(clientProduct)],
  ["ws-lab-0007-client-grace.SoftwareLicensingProduct.json", renderCimProduct(graceProduct)],
];

describe.skipIf(!FIXTURES_DIR)("renderCim reproduces the reference CIM fixtures", () => {
  it.each(cases)("%s", (file, actual) => {
    const expected = JSON.parse(fixture(`cim/${file}`)) as CimObject;
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    expect(actual).toEqual(expected);
  });
});

describe("renderCim", () => {
  it("renders HRESULT reasons as uint32 like WMI", () => {
    expect(renderCimProduct({ ...hostProduct, licenseStatus: 5, licenseStatusReason: 0xc004f009 }).LicenseStatusReason).toBe(3221549065);
  });
});
