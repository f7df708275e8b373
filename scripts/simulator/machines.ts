// Factories for simulated machines: identity values (CMID, ePID, Installation ID, keys) come from a
// per-machine forked stream so one machine's values do not depend on how many were built before it.
import { DAY, KEY_CHARS, PRODUCTS, type ProductKind } from "./constants";
import { pidDate } from "./format";
import { createRng, type Rng } from "./prng";
import type { ClientMachine, HostCounters, HostMachine } from "./types";

export type HostSpec = {
  hostname: string;
  domain: string;
  ip: string;
  approved?: boolean;
  hasAgent?: boolean;
  licensed?: boolean;
  fakeCount?: number | null;
  dnsPublishFails?: boolean;
  /** Requests the host answered before the simulation (cumulative counters start there). */
  priorRequests?: number;
};

export type ClientSpec = {
  hostname: string;
  domain: string;
  product?: ProductKind;
  channel?: "kms" | "mak";
  isVm?: boolean;
  cmid?: string;
  hostId: string | null;
  hostSource?: "dns" | "registered";
  blocked?: boolean;
  installedAt: number;
  activatedAt: number | null;
  hasAgent?: boolean;
};

export function machineRng(seed: number, id: string): Rng {
  return createRng(seed).fork(id);
}

export function partialKey(rng: Rng): string {
  return Array.from({ length: 5 }, () => rng.pick(KEY_CHARS.split(""))).join("");
}

function priorCounters(rng: Rng, total: number, licensed: boolean): HostCounters {
  if (!licensed) {
    // An unactivated host refuses everything, so every request it ever got counts as failed.
    const oob = Math.round(total * 0.6);
    return { total, failed: total, unlicensed: 0, licensed: total - oob, oobGrace: oob, ootGrace: 0, nonGenuine: 0, notification: 0 };
  }
  const oobGrace = Math.round(total * (0.04 + rng.next() * 0.04));
  const unlicensed = rng.int(0, Math.ceil(total / 1000));
  const ootGrace = rng.int(0, Math.ceil(total / 400));
  const notification = rng.int(0, Math.ceil(total / 2000));
  const failed = rng.int(0, Math.ceil(total / 300));
  const licensedCount = total - oobGrace - unlicensed - ootGrace - notification;
  return { total, failed, unlicensed, licensed: licensedCount, oobGrace, ootGrace, nonGenuine: 0, notification };
}

export function makeHost(seed: number, spec: HostSpec, now: number): HostMachine {
  const fqdn = `${spec.hostname}.${spec.domain}`;
  const rng = machineRng(seed, fqdn);
  const licensed = spec.licensed ?? true;
  const installed = now - rng.int(200, 900) * DAY;
  return {
    kind: "host",
    id: fqdn.toLowerCase(),
    hostname: spec.hostname,
    fqdn,
    dnsName: fqdn.toLowerCase(),
    ip: spec.ip,
    domain: spec.domain,
    approved: spec.approved ?? true,
    hasAgent: spec.hasAgent ?? true,
    licensed,
    fakeCount: spec.fakeCount ?? null,
    dnsPublishFails: spec.dnsPublishFails ?? false,
    epid: `03612-03858-${rng.digits(3)}-${rng.digits(6)}-03-1033-20348.0000-${pidDate(installed)}`,
    cmid: rng.guid(),
    installationId: rng.digits(63),
    partialKey: partialKey(rng),
    counters: priorCounters(rng, spec.priorRequests ?? rng.int(4000, 20000), licensed),
    recordIdKms: rng.int(1000, 900000),
    recordIdApp: rng.int(5000, 90000),
  };
}

export function makeClient(seed: number, spec: ClientSpec): ClientMachine {
  const fqdn = `${spec.hostname}.${spec.domain}`;
  const rng = machineRng(seed, fqdn);
  const product = spec.product ?? "win";
  const channel = spec.channel ?? "kms";
  const p = PRODUCTS[product];
  const epidMiddle = channel === "mak" ? `${rng.digits(3)}-${rng.digits(6)}` : "000-000000";
  return {
    kind: "client",
    id: fqdn.toLowerCase(),
    hostname: spec.hostname,
    fqdn,
    product,
    channel,
    isVm: spec.isVm ?? false,
    cmid: spec.cmid ?? rng.guid(),
    epid: `03612-${p.pidGroup}-${epidMiddle}-03-1033-${p.build}.0000-${pidDate(spec.installedAt)}`,
    installationId: rng.digits(63),
    partialKey: channel === "mak" ? partialKey(rng) : p.gvlkTail,
    hostId: spec.hostId,
    hostSource: spec.hostSource ?? "dns",
    blocked: spec.blocked ?? false,
    installedAt: spec.installedAt,
    activatedAt: spec.activatedAt,
    recordIdApp: rng.int(2000, 150000),
    hasAgent: spec.hasAgent ?? true,
  };
}

export const num = (n: number, width: number) => String(n).padStart(width, "0");
