// Maps a machine and its state at check-in time onto the renderer inputs (what slmgr and CIM would show).
import {
  ACTIVATION_INTERVAL_MIN,
  HR,
  KMS_PORT,
  LS,
  PRODUCTS,
  REASON_OOB_GRACE,
  REASON_OOT_GRACE,
  RENEWAL_INTERVAL_MIN,
  WINDOWS_APP_ID,
} from "./constants";
import type { DlvInput } from "./renderDlv";
import type { CimProductInput, CimServiceInput } from "./renderCim";
import type { ClientMachine, ClientSnapshot, Fleet, HostMachine, HostSnapshot } from "./types";
import { servedEpid } from "./servedEpid";

const KMS_CLIENT_DESCRIPTION = "Windows(R) Operating System, VOLUME_KMSCLIENT channel";
const MAK_DESCRIPTION = "Windows(R) Operating System, VOLUME_MAK channel";
const HOST_DESCRIPTION = "Windows(R) Operating System, VOLUME_KMS_WS22 channel";
/** The agent runs slmgr a few seconds before it posts. */
const COLLECTION_LAG_MS = 5000;

/** A machine's service with no KMS host set or discovered (a KMS host itself), intervals at their defaults. */
export const NO_KMS_TARGET = {
  kmsMachine: null,
  kmsPort: 0,
  lookupDomain: null,
  discoveredName: null,
  discoveredPort: 0,
  activationInterval: ACTIVATION_INTERVAL_MIN,
  renewalInterval: RENEWAL_INTERVAL_MIN,
} as const;

/** A KMS host service's settings as installed: default port (shown as 0), DNS publishing on, never rearmed. */
export const KMS_HOST_SETTINGS = {
  listeningPort: 0,
  dnsPublishing: true,
  lowPriority: false,
  hostCaching: true,
  activationDisabled: false,
  remainingWindowsRearm: 1000,
} as const;

const reasonFor = (status: number): number =>
  status === LS.OOBGrace ? REASON_OOB_GRACE : status === LS.OOTGrace ? REASON_OOT_GRACE : status === LS.Notification ? HR.GRACE_EXPIRED : 0;

function activationHost(fleet: Fleet, c: ClientMachine, s: ClientSnapshot): HostMachine | null {
  if (c.channel !== "kms" || s.licenseStatus !== LS.Licensed || !s.lastActivation) return null;
  return fleet.hosts.find((h) => h.id === s.lastActivation?.hostId) ?? null;
}

export function clientDlv(fleet: Fleet, c: ClientMachine, s: ClientSnapshot): DlvInput {
  const p = PRODUCTS[c.product];
  const mak = c.channel === "mak";
  const host = activationHost(fleet, c, s);
  return {
    serviceVersion: p.version,
    name: p.name,
    description: mak ? MAK_DESCRIPTION : KMS_CLIENT_DESCRIPTION,
    activationId: p.actId,
    applicationId: WINDOWS_APP_ID,
    extendedPid: c.epid,
    productKeyChannel: mak ? "Volume:MAK" : "Volume:GVLK",
    installationId: c.installationId,
    showLicenseUrls: mak,
    partialProductKey: c.partialKey,
    licenseStatus: s.licenseStatus,
    graceRemainingMin: s.remainingMin,
    isWindows: true,
    remainingRearm: 1001,
    remainingSkuRearm: 1001,
    trustedTime: s.at - COLLECTION_LAG_MS,
    kmsClient: mak
      ? undefined
      : {
          cmid: c.cmid,
          host: host && { source: c.hostSource, name: host.dnsName, port: KMS_PORT, ip: host.ip, epid: servedEpid(host, s) },
          activationInterval: ACTIVATION_INTERVAL_MIN,
          renewalInterval: RENEWAL_INTERVAL_MIN,
        },
  };
}

function clientKmsSettings(fleet: Fleet, c: ClientMachine, s: ClientSnapshot) {
  const host = activationHost(fleet, c, s);
  const pinned = c.channel === "kms" && c.hostSource === "registered" ? fleet.hosts.find((h) => h.id === c.hostId) : undefined;
  return {
    kmsMachine: pinned?.dnsName ?? null,
    kmsPort: pinned ? KMS_PORT : 0,
    lookupDomain: null,
    discoveredName: host?.dnsName ?? null,
    discoveredPort: host ? KMS_PORT : 0,
    activationInterval: ACTIVATION_INTERVAL_MIN,
    renewalInterval: RENEWAL_INTERVAL_MIN,
    host,
  };
}

export function clientCim(fleet: Fleet, c: ClientMachine, s: ClientSnapshot): { service: CimServiceInput; product: CimProductInput } {
  const p = PRODUCTS[c.product];
  const mak = c.channel === "mak";
  const { host, ...kms } = clientKmsSettings(fleet, c, s);
  return {
    service: {
      ...kms,
      version: p.version,
      cmid: c.cmid,
      isKmsHost: false,
      currentCount: null,
      listeningPort: 0,
      dnsPublishing: true,
      lowPriority: false,
      hostCaching: true,
      activationDisabled: false,
      remainingWindowsRearm: 1001,
      counters: null,
    },
    product: {
      ...kms,
      id: p.actId,
      name: p.name,
      description: mak ? MAK_DESCRIPTION : KMS_CLIENT_DESCRIPTION,
      applicationId: WINDOWS_APP_ID,
      productKeyChannel: mak ? "Volume:MAK" : "Volume:GVLK",
      partialProductKey: c.partialKey,
      productKeyId: c.epid,
      licenseStatus: s.licenseStatus,
      licenseStatusReason: reasonFor(s.licenseStatus),
      graceRemainingMin: s.remainingMin,
      discoveredIp: host?.ip ?? null,
      kmsHostEpid: host ? servedEpid(host, s) : null,
      isKmsHost: false,
      requiredClientCount: p.minCount,
      currentCount: null,
      counters: null,
      remainingAppRearm: 1001,
      remainingSkuRearm: 1001,
      trustedTime: s.at - COLLECTION_LAG_MS,
    },
  };
}

export function hostDlv(h: HostMachine, s: HostSnapshot): DlvInput {
  const p = PRODUCTS.server;
  return {
    serviceVersion: p.version,
    name: p.name,
    description: HOST_DESCRIPTION,
    activationId: p.actId,
    applicationId: WINDOWS_APP_ID,
    extendedPid: h.epid,
    productKeyChannel: "Volume:CSVLK",
    installationId: h.installationId,
    showLicenseUrls: true,
    partialProductKey: h.partialKey,
    licenseStatus: h.licensed ? LS.Licensed : LS.Notification,
    graceRemainingMin: 0,
    isWindows: true,
    remainingRearm: 1000,
    remainingSkuRearm: 1001,
    trustedTime: s.at - COLLECTION_LAG_MS,
    kmsHost: { currentCount: s.count, listeningPort: 0, dnsPublishing: true, lowPriority: false, counters: s.counters },
  };
}

export function hostCim(h: HostMachine, s: HostSnapshot): { service: CimServiceInput; product: CimProductInput } {
  const p = PRODUCTS.server;
  return {
    service: {
      ...NO_KMS_TARGET,
      ...KMS_HOST_SETTINGS,
      version: p.version,
      cmid: h.cmid,
      isKmsHost: true,
      currentCount: s.count,
      counters: s.counters,
    },
    product: {
      ...NO_KMS_TARGET,
      id: p.actId,
      name: p.name,
      description: HOST_DESCRIPTION,
      applicationId: WINDOWS_APP_ID,
      productKeyChannel: "Volume:CSVLK",
      partialProductKey: h.partialKey,
      productKeyId: h.epid,
      licenseStatus: h.licensed ? LS.Licensed : LS.Notification,
      licenseStatusReason: h.licensed ? 0 : HR.GRACE_EXPIRED,
      graceRemainingMin: 0,
      discoveredIp: null,
      kmsHostEpid: null,
      isKmsHost: true,
      requiredClientCount: 5,
      currentCount: s.count,
      counters: s.counters,
      remainingAppRearm: 1001,
      remainingSkuRearm: 1001,
      trustedTime: s.at - COLLECTION_LAG_MS,
    },
  };
}
