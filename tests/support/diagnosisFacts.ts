// Facts of a healthy KMS host and a healthy KMS client, for the diagnosis tests: every rule must stay
// silent on them, and each test changes only what its rule reads.
import type { ClientFacts, HostFacts } from "../../lib/evaluate/rules/types";

export const NOW = new Date("2025-06-01T12:00:00.000Z");
export const DAY = 86_400_000;
export const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

export function host(over: Partial<HostFacts> = {}): HostFacts {
  return {
    machineId: "m-host-1",
    fqdn: "kms1.corp.example",
    licenseStatus: "Licensed",
    notificationReason: null,
    currentCount: 50,
    listeningPort: 1688,
    dnsPublishing: true,
    totalRequests: 1000,
    failedRequests: 3,
    failedRequests7dAgo: 3,
    totalRequests7dAgo: 900,
    lastCheckInAt: ago(0.01),
    lastRequestAt: ago(0.1),
    distinctClients30d: 60,
    distinctCmids30d: 60,
    reconstructedCount: 50,
    serverOnly: false,
    refusedInsufficientCount30d: 0,
    dnsPublishFailures: [],
    failedRequestsByHresult7d: [],
    unreachableClients24h: 0,
    clockAheadMs: null,
    forecast: { crossesBelowAt: null, threshold: 25 },
    ...over,
  };
}

/** A KMS-activated client that renewed 2 days ago. */
export function client(over: Partial<ClientFacts> = {}): ClientFacts {
  return {
    machineId: "m-pc-1",
    fqdn: "pc1.corp.example",
    channel: "VOLUME_KMSCLIENT",
    productKeyChannel: "Volume:GVLK",
    licenseStatus: "Licensed",
    intendedChannel: null,
    graceRemainingMin: 249_000,
    expiresAt: ago(-173),
    notificationReason: null,
    kmsHost: "kms1.corp.example",
    kmsPort: 1688,
    kmsHostApproved: true,
    cmid: "5b1ae4c3-2a4b-4bd4-9f0e-0c3a1d2e3f40",
    cmidMachines: 1,
    clockAheadMs: null,
    lastCheckInAt: ago(0.01),
    lastRenewalAt: ago(2),
    lastRequest: { at: ago(2.001), hresult: "0x00000000", kmsHost: "kms1.corp.example", kmsPort: 1688, answered: true },
    lastResponse: { at: ago(2), hresult: "0x00000000", activated: true, hostCurrentCount: 50, minCount: 25 },
    probe: null,
    ...over,
  };
}
