// The spec of kmswatch's diagnoses, as data: situation -> the machines it affects -> for each, the finding that
// must come first (rule, and the hresult its evidence names), other findings that must follow it (a root cause
// before its symptoms), words its cause and fix must contain, and words they must not. Read by
// tests/integration/truth-table.test.ts, which drives each situation through the agent API into a real database
// and reads the same JSON the pages read.
import type { Fleet } from "../../scripts/simulator/types";

export type Expect = {
  /** Rule that must come first; null = the machine must have no critical or warning finding. */
  first: string | null;
  /** Other rules that must be present after the first one. */
  after?: string[];
  /** Rules that must not be present at all (a wrong cause). */
  never?: string[];
  hresult?: string;
  causeHas?: string[];
  fixHas?: string[];
  /** Words that must not appear in the first finding's cause or fix (e.g. the wrong remedy). */
  lacks?: string[];
  /** The host's trend forecast: its state and words of its sentence. */
  outlook?: { state: "below" | "falling" | "steady" | "no-data"; has?: string[]; lacks?: string[] };
};

/** Machines of a simulated fleet, picked from the simulator's own ground truth (not from what the app stored). */
export type Pick = (fleet: Fleet) => string[];
export type Row = { situation: string; kind: "host" | "client"; machines: Pick; expect: Expect };

const mainIds = (f: Fleet) => new Set(f.hosts.filter((h) => /^KMS\d\d$/.test(h.hostname)).map((h) => h.id));
const named =
  (re: RegExp, n = 3): Pick =>
  (f) =>
    [...f.hosts, ...f.clients]
      .filter((m) => re.test(m.hostname) && m.hasAgent)
      .slice(0, n)
      .map((m) => m.fqdn.toLowerCase());
const rogueId = (f: Fleet) => f.hosts.find((h) => h.hostname === "KMS-ROGUE")?.id;

export const simulatedTruth: Row[] = [
  {
    situation: "healthy: an activated main-site client",
    kind: "client",
    machines: (f) =>
      f.clients
        .filter((c) => c.hasAgent && c.product === "win" && c.activatedAt !== null && !c.blocked && mainIds(f).has(c.hostId ?? ""))
        .slice(0, 3)
        .map((c) => c.fqdn.toLowerCase()),
    expect: { first: null },
  },
  {
    situation: "healthy: the main KMS host nobody is blocked from",
    kind: "host",
    machines: named(/^KMS02$/, 1),
    expect: { first: null, outlook: { state: "steady", has: ["stays at or above 25"] } },
  },
  {
    situation: "cloned image: each clone",
    kind: "client",
    machines: named(/^VDI-POOL-\d+$/, 4),
    expect: {
      first: "client-cmid-shared",
      after: ["client-refused-low-count"],
      causeHas: ["with 19 other machine(s)", "sysprep /generalize"],
      fixHas: ["sysprep /generalize", "slmgr.vbs /rearm", "restart"],
    },
  },
  {
    situation: "cloned image: the host",
    kind: "host",
    machines: named(/^KMS-VDI01$/, 1),
    expect: {
      first: "host-count-stuck-duplicate-cmids",
      after: ["host-count-below-threshold"],
      fixHas: ["sysprep /generalize"],
      outlook: { state: "below", has: ["below the 25 needed"], lacks: ["stays at or above"] },
    },
  },
  {
    situation: "rogue host: its clients",
    kind: "client",
    machines: (f) =>
      f.clients
        .filter((c) => c.hostId === rogueId(f) && c.hasAgent)
        .slice(0, 3)
        .map((c) => c.fqdn.toLowerCase()),
    expect: { first: "client-unapproved-host", fixHas: ["slmgr.vbs /ckms", "slmgr.vbs /skms"], causeHas: ["kms-rogue"] },
  },
  {
    situation: "count below threshold: the host",
    kind: "host",
    machines: named(/^KMS-BR2$/, 1),
    expect: {
      first: "host-count-below-threshold",
      after: ["host-dns-publish-failed"],
      never: ["host-count-stuck-duplicate-cmids"],
      causeHas: ["below the 25 needed"],
      fixHas: ["distinct clients"],
      lacks: ["CSVLK", "0xC004F042"],
      outlook: { state: "below", has: ["12, below the 25 needed", "does not come back above"], lacks: ["stays at or above"] },
    },
  },
  {
    situation: "count below threshold: its clients",
    kind: "client",
    machines: named(/^WS-BR2-\d+$/, 3),
    expect: {
      first: "client-refused-low-count",
      never: ["client-host-not-activated", "client-cmid-shared"],
      fixHas: ["Raise the count"],
      lacks: ["0xC004F041", "CSVLK"],
    },
  },
  {
    situation: "host not activated: the host",
    kind: "host",
    machines: named(/^KMS-OLD$/, 1),
    expect: { first: "host-not-licensed", fixHas: ["slmgr.vbs /ato"], lacks: ["0xC004F042"] },
  },
  {
    situation: "host not activated: its clients",
    kind: "client",
    machines: named(/^WS-OLD-\d+$/, 3),
    expect: {
      first: "client-host-not-activated",
      hresult: "0xC004F041",
      never: ["client-refused-low-count"],
      causeHas: ["kms-old"],
      fixHas: ["Activate the KMS host", "slmgr.vbs /ato", "2 hours"],
      lacks: ["Raise the count", "raise the count"],
    },
  },
  {
    situation: "firewall / port closed: the clients",
    kind: "client",
    machines: named(/^WS-LAB-\d+$/, 3),
    expect: { first: "client-host-unreachable", fixHas: ["1688", "firewall"], lacks: ["Raise the count"] },
  },
  {
    situation: "firewall / port closed: the host its clients cannot reach",
    kind: "host",
    machines: named(/^KMS01$/, 1),
    expect: {
      first: "host-clients-cannot-reach",
      causeHas: ["clients could not reach this host in the last 24 h"],
      fixHas: ["1688", "firewall"],
    },
  },
  {
    // The test marks MAK as intended for LT-SALES-* (INTENDED_MAK below) before reading: no GVLK advice at all.
    situation: "MAK by intent: the sales laptops say nothing",
    kind: "client",
    machines: named(/^LT-SALES-\d+$/, 2),
    expect: {
      first: null,
      never: ["client-not-gvlk", "client-intended-key-failing", "client-renewal-overdue", "client-refused-low-count"],
    },
  },
];

/** The admin setting the simulated fleet runs with: the sales laptops use a MAK on purpose. */
export const INTENDED_MAK = { channel: "MAK", machinePattern: "LT-SALES-*", domain: "corp.truth-contoso.com", note: "truth table" };

/** Rules whose failure codes a host's 'failed requests rising' finding must (and must not) name, per situation. */
export const failureCodesTruth: { host: RegExp; names: string; never: string }[] = [
  { host: /^KMS-BR2$/, names: "0xC004F038", never: "0xC004F042" },
  { host: /^KMS-OLD$/, names: "0xC004F041", never: "0xC004F042" },
];
