// Time stepping: one global clock so every host's count reflects every earlier request. A 30-day
// warm-up fills host caches before the window starts; only events inside the window are reported.
import {
  ACTIVATION_INTERVAL_MIN,
  ACTIVATION_VALIDITY_MIN,
  DAY,
  HOUR,
  KMS_CACHE_DAYS,
  LS,
  MINUTE,
  OOB_GRACE_MIN,
  OOT_GRACE_MIN,
  type LicenseCode,
} from "./constants";
import { MinHeap } from "./heap";
import { machineRng } from "./machines";
import type { Rng } from "./prng";
import { handleRequest, hostCount, type HostState } from "./kmsHost";
import type { Checkin, ClientMachine, ClientSnapshot, Fleet, HostMachine, SimEvent, SimulationResult } from "./types";

type ClientState = {
  status: LicenseCode;
  /** End of the current activation validity or grace period (ms). */
  expiresAt: number;
  lastActivation: { hostId: string; at: number } | null;
  day: number;
  attemptsToday: number;
  recordId: number;
};
type Item = { type: "attempt"; client: ClientMachine } | { type: "checkin"; id: string } | { type: "publish"; host: HostMachine };

export function refreshStatus(s: ClientState, t: number): void {
  // Licensed -> 30-day out-of-tolerance grace -> Notification, as the SPP state machine does.
  if (s.status === LS.Licensed && t >= s.expiresAt) {
    s.status = LS.OOTGrace;
    s.expiresAt += OOT_GRACE_MIN * MINUTE;
  }
  if ((s.status === LS.OOBGrace || s.status === LS.OOTGrace) && t >= s.expiresAt) s.status = LS.Notification;
}

const remainingMin = (s: ClientState, t: number) => (s.status === LS.Notification ? 0 : Math.max(0, Math.ceil((s.expiresAt - t) / MINUTE)));

export function simulate(fleet: Fleet): SimulationResult {
  const { seed, end, maxAttemptsPerDay } = fleet.options;
  const start = fleet.start;
  const warmStart = start - KMS_CACHE_DAYS * DAY;
  const heap = new MinHeap<Item>();
  const rngs = new Map<string, Rng>();
  const rngOf = (id: string) => rngs.get(id) ?? rngs.set(id, machineRng(seed, `${id}#time`)).get(id)!;
  const buffers = new Map<string, SimEvent[]>();
  const emit = (id: string, e: SimEvent) => {
    if (e.time >= start) buffers.get(id)?.push(e);
  };
  const checkins = new Map<string, Checkin[]>();
  const clientsById = new Map(fleet.clients.map((c) => [c.id, c]));

  const hostStates = new Map<string, HostState>();
  for (const h of fleet.hosts) {
    hostStates.set(h.id, {
      host: h,
      cache: new Map(),
      maxPolicy: 0,
      counters: { ...h.counters },
      recordKms: h.recordIdKms,
      recordApp: h.recordIdApp,
    });
    if (h.hasAgent) scheduleCheckins(h.id, 1, 50 * MINUTE, 0);
    if (h.dnsPublishFails) heap.push(warmStart + rngOf(h.id).int(0, DAY), { type: "publish", host: h });
  }
  const clientStates = new Map<string, ClientState>();
  for (const c of fleet.clients) {
    const rng = rngOf(c.id);
    const licensed = c.activatedAt !== null;
    const s: ClientState = {
      status: licensed ? LS.Licensed : LS.OOBGrace,
      expiresAt: licensed ? c.activatedAt! + ACTIVATION_VALIDITY_MIN * MINUTE : c.installedAt + OOB_GRACE_MIN * MINUTE,
      lastActivation: licensed && c.hostId ? { hostId: c.hostId, at: c.activatedAt! } : null,
      day: -1,
      attemptsToday: 0,
      recordId: c.recordIdApp,
    };
    clientStates.set(c.id, s);
    if (c.channel === "kms" && c.hostId) {
      const hs = hostStates.get(c.hostId)!;
      if (licensed) {
        if (hs.host.licensed && hs.host.fakeCount === null) hs.cache.set(c.cmid, c.activatedAt!);
        hs.maxPolicy = Math.max(hs.maxPolicy, c.product === "server" ? 5 : 25);
      }
      const first = licensed ? c.activatedAt! + 7 * DAY + rng.int(0, 4 * HOUR) : c.installedAt + rng.int(2 * MINUTE, 40 * MINUTE);
      heap.push(Math.max(first, warmStart + rng.int(0, 2 * HOUR)), { type: "attempt", client: c });
    }
    if (c.hasAgent) scheduleCheckins(c.id, 7, 20 * HOUR, 2 * HOUR, c.installedAt);
  }

  function scheduleCheckins(id: string, everyDays: number, phaseMax: number, jitter: number, notBefore = start): void {
    const rng = rngOf(id);
    const phase = rng.int(0, phaseMax);
    buffers.set(id, []);
    checkins.set(id, []);
    for (let k = 0; ; k++) {
      const t = end - phase - k * everyDays * DAY - (k > 0 ? rng.int(-jitter, jitter) : 0);
      if (t < Math.max(start, notBefore)) break;
      heap.push(t, { type: "checkin", id });
    }
  }

  function attempt(c: ClientMachine, t: number): void {
    const s = clientStates.get(c.id)!;
    const rng = rngOf(c.id);
    refreshStatus(s, t);
    const hs = hostStates.get(c.hostId!)!;
    const remaining = remainingMin(s, t);
    const out = handleRequest(hs, c, t, s.status, remaining, c.blocked, rng, (e) => {
      if (e.time < start) return;
      hs.recordKms += 1;
      emit(hs.host.id, { ...e, recordId: hs.recordKms });
    });
    const inWindow = t >= start;
    if (inWindow) s.recordId += rng.int(1, 60);
    emit(c.id, { ...out.request, recordId: s.recordId });
    if (out.response) {
      if (inWindow) s.recordId += 1;
      emit(c.id, { ...out.response, recordId: s.recordId });
    }
    const day = Math.floor(t / DAY);
    if (day !== s.day) {
      s.day = day;
      s.attemptsToday = 0;
    }
    s.attemptsToday++;
    let next: number;
    if (out.response?.activated) {
      s.status = LS.Licensed;
      s.expiresAt = t + ACTIVATION_VALIDITY_MIN * MINUTE;
      s.lastActivation = { hostId: hs.host.id, at: t };
      next = t + 7 * DAY + rng.int(-30 * MINUTE, 4 * HOUR);
    } else if (s.attemptsToday >= maxAttemptsPerDay) {
      // Volume cap: the next retry happens the following morning instead of every 2 hours.
      next = (day + 1) * DAY + rng.int(6 * HOUR, 10 * HOUR);
    } else {
      next = t + ACTIVATION_INTERVAL_MIN * MINUTE + rng.int(0, 5 * MINUTE);
    }
    heap.push(next, { type: "attempt", client: c });
  }

  function checkin(id: string, t: number): void {
    const events = buffers.get(id)!;
    buffers.set(id, []);
    const hs = hostStates.get(id);
    let snapshot: Checkin["snapshot"];
    if (hs) {
      snapshot = { kind: "host", at: t, count: hostCount(hs, t), counters: { ...hs.counters } };
    } else {
      const s = clientStates.get(id)!;
      refreshStatus(s, t);
      const c = clientsById.get(id)!;
      const mak = c.channel === "mak";
      snapshot = {
        kind: "client",
        at: t,
        licenseStatus: mak ? LS.Licensed : s.status,
        remainingMin: mak ? 0 : remainingMin(s, t),
        lastActivation: s.lastActivation,
      } satisfies ClientSnapshot;
    }
    checkins.get(id)!.push({ machineId: id, at: t, snapshot, events });
  }

  for (let item = heap.pop(); item && item.t <= end; item = heap.pop()) {
    const v = item.value;
    if (v.type === "attempt") attempt(v.client, item.t);
    else if (v.type === "checkin") checkin(v.id, item.t);
    else {
      const hs = hostStates.get(v.host.id)!;
      if (item.t >= start) hs.recordApp += rngOf(v.host.id).int(1, 200);
      emit(v.host.id, {
        eventId: 12293,
        recordId: hs.recordApp,
        time: item.t,
        ticks: rngOf(v.host.id).int(0, 9999),
        computer: v.host.fqdn,
        hr: 0x80072338,
        domain: v.host.domain,
      });
      // The KMS host retries SRV publishing every 24 hours.
      heap.push(item.t + DAY + rngOf(v.host.id).int(-5 * MINUTE, 5 * MINUTE), v);
    }
  }
  return { fleet, checkins };
}
