// SoftwareLicensingService / SoftwareLicensingProduct objects with the property set and order of the
// cim fixtures (`Select-Object ... | ConvertTo-Json` in PS 5.1); -1 counters appear as uint32 4294967295.
import { UINT32_MINUS_ONE } from "./constants";
import { psDate } from "./format";
import type { HostCounters } from "./types";

export type CimValue = string | number | boolean | null;
export type CimObject = Record<string, CimValue>;

type KmsClientSettings = {
  kmsMachine: string | null;
  kmsPort: number;
  lookupDomain: string | null;
  discoveredName: string | null;
  discoveredPort: number;
  activationInterval: number;
  renewalInterval: number;
};

export type CimServiceInput = KmsClientSettings & {
  version: string;
  cmid: string;
  isKmsHost: boolean;
  /** Null on a non-host (WMI reports -1). */
  currentCount: number | null;
  listeningPort: number;
  dnsPublishing: boolean;
  lowPriority: boolean;
  hostCaching: boolean;
  activationDisabled: boolean;
  remainingWindowsRearm: number;
  counters: HostCounters | null;
};

export type CimProductInput = KmsClientSettings & {
  id: string;
  name: string;
  description: string;
  applicationId: string;
  productKeyChannel: string;
  partialProductKey: string;
  productKeyId: string;
  licenseStatus: number;
  /** HRESULT as a number; rendered as its uint32 value. */
  licenseStatusReason: number;
  graceRemainingMin: number;
  discoveredIp: string | null;
  kmsHostEpid: string | null;
  isKmsHost: boolean;
  requiredClientCount: number;
  currentCount: number | null;
  counters: HostCounters | null;
  remainingAppRearm: number;
  remainingSkuRearm: number;
  trustedTime: number;
};

const orMinusOne = (n: number | null | undefined) => (n === null || n === undefined ? UINT32_MINUS_ONE : n);

function counterProps(c: HostCounters | null): CimObject {
  return {
    KeyManagementServiceTotalRequests: orMinusOne(c?.total),
    KeyManagementServiceFailedRequests: orMinusOne(c?.failed),
    KeyManagementServiceUnlicensedRequests: orMinusOne(c?.unlicensed),
    KeyManagementServiceLicensedRequests: orMinusOne(c?.licensed),
    KeyManagementServiceOOBGraceRequests: orMinusOne(c?.oobGrace),
    KeyManagementServiceOOTGraceRequests: orMinusOne(c?.ootGrace),
    KeyManagementServiceNonGenuineGraceRequests: orMinusOne(c?.nonGenuine),
    KeyManagementServiceNotificationRequests: orMinusOne(c?.notification),
  };
}

export function renderCimService(s: CimServiceInput): CimObject {
  return {
    Version: s.version,
    ClientMachineID: s.cmid,
    IsKeyManagementServiceMachine: s.isKmsHost ? 1 : 0,
    KeyManagementServiceCurrentCount: orMinusOne(s.currentCount),
    KeyManagementServiceListeningPort: s.listeningPort,
    KeyManagementServiceDnsPublishing: s.dnsPublishing,
    KeyManagementServiceLowPriority: s.lowPriority,
    KeyManagementServiceHostCaching: s.hostCaching,
    KeyManagementServiceActivationDisabled: s.activationDisabled,
    KeyManagementServiceMachine: s.kmsMachine,
    KeyManagementServicePort: s.kmsPort,
    KeyManagementServiceLookupDomain: s.lookupDomain,
    DiscoveredKeyManagementServiceMachineName: s.discoveredName,
    DiscoveredKeyManagementServiceMachinePort: s.discoveredPort,
    VLActivationInterval: s.activationInterval,
    VLRenewalInterval: s.renewalInterval,
    RemainingWindowsReArmCount: s.remainingWindowsRearm,
    ...counterProps(s.counters),
  };
}

export function renderCimProduct(p: CimProductInput): CimObject {
  return {
    ID: p.id,
    Name: p.name,
    Description: p.description,
    ApplicationID: p.applicationId,
    ProductKeyChannel: p.productKeyChannel,
    PartialProductKey: p.partialProductKey,
    ProductKeyID: p.productKeyId,
    LicenseStatus: p.licenseStatus,
    LicenseStatusReason: p.licenseStatusReason >>> 0,
    GracePeriodRemaining: p.graceRemainingMin,
    LicenseIsAddon: false,
    VLActivationTypeEnabled: 0,
    VLActivationInterval: p.activationInterval,
    VLRenewalInterval: p.renewalInterval,
    KeyManagementServiceMachine: p.kmsMachine,
    KeyManagementServicePort: p.kmsPort,
    KeyManagementServiceLookupDomain: p.lookupDomain,
    DiscoveredKeyManagementServiceMachineName: p.discoveredName,
    DiscoveredKeyManagementServiceMachinePort: p.discoveredPort,
    DiscoveredKeyManagementServiceMachineIpAddress: p.discoveredIp,
    KeyManagementServiceProductKeyID: p.kmsHostEpid,
    IsKeyManagementServiceMachine: p.isKmsHost ? 1 : 0,
    RequiredClientCount: p.requiredClientCount,
    KeyManagementServiceCurrentCount: orMinusOne(p.currentCount),
    ...counterProps(p.counters),
    RemainingAppReArmCount: p.remainingAppRearm,
    RemainingSkuReArmCount: p.remainingSkuRearm,
    TrustedTime: psDate(p.trustedTime),
  };
}
