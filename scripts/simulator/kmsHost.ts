// What a KMS host does with one activation request: count distinct CMIDs over 30 days, compare with
// the product's N-policy, log 12290, and answer the client (or not, when TCP 1688 is blocked).
import {
  DAY,
  HR,
  KMS_CACHE_DAYS,
  KMS_PORT,
  PRODUCTS,
  STATUS_NOT_ENOUGH_COUNT,
  ACTIVATION_INTERVAL_MIN,
  RENEWAL_INTERVAL_MIN,
  type LicenseCode,
} from "./constants";
import type { Rng } from "./prng";
import type { ClientMachine, ClientRequest, Event12288, Event12289, Event12290, HostCounters, HostMachine } from "./types";

export type HostState = {
  host: HostMachine;
  /** CMID -> last request time. */
  cache: Map<string, number>;
  maxPolicy: number;
  counters: HostCounters;
  recordKms: number;
  recordApp: number;
};

export type RequestOutcome = {
  request: Omit<Event12288, "recordId">;
  response: Omit<Event12289, "recordId"> | null;
};

const counterKey: Record<LicenseCode, keyof HostCounters> = {
  0: "unlicensed",
  1: "licensed",
  2: "oobGrace",
  3: "ootGrace",
  4: "nonGenuine",
  5: "notification",
  6: "ootGrace",
};

export function handleRequest(
  hs: HostState,
  c: ClientMachine,
  t: number,
  status: LicenseCode,
  remaining: number,
  blocked: boolean,
  rng: Rng,
  emitHost: (e: Event12290) => void,
): RequestOutcome {
  const product = PRODUCTS[c.product];
  const host = hs.host;
  const asked: ClientRequest = {
    cmid: c.cmid,
    clientTime: t,
    isVm: c.isVm,
    licenseStatus: status,
    minutesToExpiry: remaining,
    actId: product.actId,
    minCount: product.minCount,
  };
  const request: Omit<Event12288, "recordId"> = {
    eventId: 12288,
    time: t,
    ticks: rng.int(0, 9999),
    computer: c.fqdn,
    hr: blocked ? HR.RPC_UNAVAILABLE : HR.OK,
    status: 0,
    server: host.dnsName,
    port: KMS_PORT,
    ...asked,
  };
  if (blocked) return { request, response: null };

  let hr: number = HR.OK;
  let count: number;
  if (!host.licensed) {
    hr = HR.HOST_NOT_ACTIVATED;
    count = 0;
  } else {
    if (host.fakeCount === null) {
      hs.cache.set(c.cmid, t);
      hs.maxPolicy = Math.max(hs.maxPolicy, product.minCount);
    }
    count = hostCount(hs, t);
    if (count < product.minCount) hr = HR.INSUFFICIENT_COUNT;
  }
  hs.counters.total++;
  hs.counters[counterKey[status]]++;
  if (hr !== HR.OK) hs.counters.failed++;

  const hostTime = t + rng.int(250, 450);
  if (host.hasAgent) {
    emitHost({
      eventId: 12290,
      recordId: 0,
      time: hostTime,
      ticks: rng.int(0, 9999),
      computer: host.fqdn,
      hr,
      clientFqdn: c.fqdn,
      ...asked,
    });
  }
  const activated = hr === HR.OK;
  const response: Omit<Event12289, "recordId"> = {
    eventId: 12289,
    time: t + rng.int(460, 700),
    ticks: rng.int(0, 9999),
    computer: c.fqdn,
    // Not enough count is reported through the Status flags with HRESULT 0 (branch fixture);
    // an unactivated host's error comes back as the HRESULT itself.
    hr: hr === HR.HOST_NOT_ACTIVATED ? hr : HR.OK,
    status: hr === HR.INSUFFICIENT_COUNT ? STATUS_NOT_ENOUGH_COUNT : 0,
    activated,
    count,
    activationInterval: ACTIVATION_INTERVAL_MIN,
    renewalInterval: RENEWAL_INTERVAL_MIN,
    clientTime: t,
  };
  return { request, response };
}

export function hostCount(hs: HostState, t: number): number {
  if (!hs.host.licensed) return 0;
  if (hs.host.fakeCount !== null) return hs.host.fakeCount;
  let n = 0;
  for (const seen of hs.cache.values()) if (seen > t - KMS_CACHE_DAYS * DAY) n++;
  // The host caches twice the highest N-policy it has seen: 50 with client OSes, 10 with servers only.
  return Math.min(n, 2 * Math.max(hs.maxPolicy, 5));
}
