// Shapes shared by the fleet builder, the time-stepping engine and the renderers.
import type { LicenseCode, ProductKind } from "./constants";

/** The healthy site and the activation faults the diagnosis rules name; the fleet-wide tests count on exactly these
 * (tests/support/scenarios.ts), so a later family of scenarios gets a list of its own, as the ePID one did. */
export const activationScenarioNames = [
  "healthy",
  "duplicate-cmid",
  "rogue-host",
  "low-count",
  "firewall",
  "dns-publish-failure",
  "mak-clients",
  "host-unlicensed",
] as const;
/** Rogue-host forensics by the ePIDs hosts hand out (scenarios/epid.ts, issue #21). */
export const epidScenarioNames = ["epid-emulator", "epid-impostor", "epid-copied-host"] as const;
export const scenarioNames = [...activationScenarioNames, ...epidScenarioNames] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export type FleetOptions = {
  /** Approved corp KMS hosts of the main site (scenario sites add their own). */
  hosts: number;
  /** Total clients; scenario clients are carved out of it when it is large enough. */
  clients: number;
  days: number;
  scenarios: ScenarioName[];
  seed: number;
  /** End of the simulated window (ms since epoch). */
  end: number;
  /** Cap on activation attempts per client per UTC day, so failing clients do not flood the push. */
  maxAttemptsPerDay?: number;
};

export type HostCounters = {
  total: number;
  failed: number;
  unlicensed: number;
  licensed: number;
  oobGrace: number;
  ootGrace: number;
  nonGenuine: number;
  notification: number;
};

export type HostMachine = {
  kind: "host";
  id: string;
  hostname: string;
  fqdn: string;
  /** Name clients see (SRV target / `/skms` value): lower-case FQDN. */
  dnsName: string;
  ip: string;
  domain: string;
  approved: boolean;
  hasAgent: boolean;
  /** False: the host's own CSVLK activation expired (Notification) and it refuses with 0xC004F041. */
  licensed: boolean;
  /** KMS emulators answer a fixed count whatever they have seen. */
  fakeCount: number | null;
  dnsPublishFails: boolean;
  epid: string;
  /** An emulator configured with random ePIDs: each activation gets a new one (servedEpid.ts). */
  randomEpids?: boolean;
  cmid: string;
  installationId: string;
  partialKey: string;
  counters: HostCounters;
  recordIdKms: number;
  recordIdApp: number;
};

export type ClientMachine = {
  kind: "client";
  id: string;
  hostname: string;
  fqdn: string;
  product: ProductKind;
  channel: "kms" | "mak";
  isVm: boolean;
  cmid: string;
  epid: string;
  installationId: string;
  partialKey: string;
  /** Host id the client talks to; null for MAK. */
  hostId: string | null;
  hostSource: "dns" | "registered";
  /** TCP 1688 blocked between this client and its host. */
  blocked: boolean;
  installedAt: number;
  /** Licensed at start (with the time of the last activation), else a new install in grace. */
  activatedAt: number | null;
  recordIdApp: number;
  /** False for machines that only show up in host logs (no kmswatch agent installed). */
  hasAgent: boolean;
};

export type Machine = HostMachine | ClientMachine;

export type Fleet = {
  options: Required<FleetOptions>;
  start: number;
  hosts: HostMachine[];
  clients: ClientMachine[];
  /** Host DNS names an admin would list as approved (the rogue host is not in it). */
  approvedHosts: string[];
};

type EventBase = { recordId: number; time: number; ticks: number; computer: string };
/** What a client's request says: its 12288 and the host's 12290 for the same request carry it alike. */
export type ClientRequest = {
  cmid: string;
  clientTime: number;
  isVm: boolean;
  licenseStatus: LicenseCode;
  minutesToExpiry: number;
  actId: string;
  minCount: number;
};
export type Event12288 = EventBase &
  ClientRequest & {
    eventId: 12288;
    hr: number;
    status: number;
    server: string;
    port: number;
  };
export type Event12289 = EventBase & {
  eventId: 12289;
  hr: number;
  status: number;
  activated: boolean;
  count: number;
  activationInterval: number;
  renewalInterval: number;
  clientTime: number;
};
export type Event12290 = EventBase & ClientRequest & { eventId: 12290; hr: number; clientFqdn: string };
export type Event12293 = EventBase & { eventId: 12293; hr: number; domain: string };
export type SimEvent = Event12288 | Event12289 | Event12290 | Event12293;

export type ClientSnapshot = {
  kind: "client";
  at: number;
  licenseStatus: LicenseCode;
  /** Minutes left in the current state (activation validity or grace); 0 in Notification. */
  remainingMin: number;
  lastActivation: { hostId: string; at: number } | null;
};
export type HostSnapshot = { kind: "host"; at: number; count: number; counters: HostCounters };

export type Checkin = {
  machineId: string;
  at: number;
  snapshot: ClientSnapshot | HostSnapshot;
  /** Events logged since the previous check-in, in time order. */
  events: SimEvent[];
};

export type SimulationResult = {
  fleet: Fleet;
  /** Per machine with an agent, check-ins in time order. */
  checkins: Map<string, Checkin[]>;
};
