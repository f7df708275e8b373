// Scenario sites layered on the healthy main site. Each scenario adds the machines that make its
// problem visible (its own host when the symptom is a host-level one), so they combine freely.
import { DAY, HOUR } from "./constants";
import { type ClientSpec, type HostSpec, makeClient, makeHost, num } from "./machines";
import type { Rng } from "./prng";
import type { ClientMachine, HostMachine, ScenarioName } from "./types";
import { epidScenarioBuilders, epidScenarioClientCounts, epidScenarioDescriptions } from "./scenarios/epid";

export type BuildContext = {
  seed: number;
  rng: Rng;
  start: number;
  end: number;
  days: number;
  hosts: HostMachine[];
  clients: ClientMachine[];
  /** Approved hosts of the main site; clients discovered them through the `_vlmcs._tcp` SRV record. */
  mainHosts: HostMachine[];
  scenarios: ReadonlySet<ScenarioName>;
};

/** Clients each scenario takes out of the --clients total (rogue-host reuses main-site clients). */
export const scenarioClientCounts: Record<ScenarioName, number> = {
  healthy: 0,
  "duplicate-cmid": 40,
  "rogue-host": 0,
  "low-count": 12,
  firewall: 15,
  "dns-publish-failure": 0,
  "mak-clients": 25,
  "host-unlicensed": 10,
  ...epidScenarioClientCounts,
};
export const ROGUE_CLIENTS = 20;
export const ROGUE_HOST_DNS = "kms-rogue.lab.contoso.com";

export const scenarioDescriptions: Record<ScenarioName, string> = {
  healthy: "main site: approved corp hosts, count 50, weekly renewals, a few servers, VMs and new installs",
  "duplicate-cmid": "VDI pool of 40 clones sharing 2 CMIDs on KMS-VDI01: count stays 2, 0xC004F038, grace",
  "rogue-host": `${ROGUE_CLIENTS} corp clients activate against unapproved ${ROGUE_HOST_DNS} (no agent, answers count 50)`,
  "low-count": "branch KMS-BR2 with 12 clients: count 12 < 25, 0xC004F038 in 12290, 12289 fBound 0, clients stay in grace",
  firewall: "15 lab clients whose TCP 1688 is blocked: 12288 hr 0x800706BA, no 12289, no host event",
  "dns-publish-failure": "a host logs 12293 0x80072338 once a day (the branch host if low-count is on, else the last corp host)",
  "mak-clients": "25 laptops with MAK keys: VOLUME_MAK / Volume:MAK, no KMS events",
  "host-unlicensed": "KMS-OLD in Notification (0xC004F009); 10 clients pinned to it with /skms get 0xC004F041",
  ...epidScenarioDescriptions,
};

/** A new site's machines were installed shortly before the end, so they are still in grace. */
function recentInstall(ctx: BuildContext, daysAgo: number, spreadDays: number): number {
  return ctx.end - Math.min(ctx.days, daysAgo) * DAY + ctx.rng.int(0, spreadDays * DAY);
}

/** A scenario's own KMS host, added to the fleet. */
function addHost(ctx: BuildContext, spec: HostSpec): HostMachine {
  const host = makeHost(ctx.seed, spec, ctx.start);
  ctx.hosts.push(host);
  return host;
}

/** `count` clients named `<prefix>-001`… (`digits` wide), the rest of each one's spec from `spec(i)`. */
function addClients(
  ctx: BuildContext,
  prefix: string,
  digits: number,
  count: number,
  spec: (i: number) => Omit<ClientSpec, "hostname">,
): void {
  for (let i = 1; i <= count; i++) ctx.clients.push(makeClient(ctx.seed, { hostname: `${prefix}-${num(i, digits)}`, ...spec(i) }));
}

function duplicateCmid(ctx: BuildContext): void {
  const host = addHost(ctx, { hostname: "KMS-VDI01", domain: "vdi.corp.contoso.com", ip: "10.30.0.10", priorRequests: 0 });
  // Two golden images captured without `sysprep /generalize`: every clone keeps its image's CMID.
  const imageCmids = [ctx.rng.guid(), ctx.rng.guid()];
  addClients(ctx, "VDI-POOL", 3, 40, (i) => ({
    domain: "vdi.corp.contoso.com",
    isVm: true,
    cmid: imageCmids[i % 2],
    hostId: host.id,
    installedAt: recentInstall(ctx, 25, 3),
    activatedAt: null,
  }));
}

function rogueHost(ctx: BuildContext): void {
  const rogue = addHost(ctx, {
    hostname: "KMS-ROGUE",
    domain: "lab.contoso.com",
    ip: "10.99.7.23",
    approved: false,
    hasAgent: false,
    fakeCount: 50,
  });
  const mainHostIds = new Set(ctx.mainHosts.map((h) => h.id));
  const candidates = ctx.clients.filter((c) => c.hasAgent && c.product === "win" && c.hostId !== null && mainHostIds.has(c.hostId));
  // The rogue SRV record wins DNS discovery for the last few main-site workstations.
  for (const c of candidates.slice(-ROGUE_CLIENTS)) c.hostId = rogue.id;
}

function lowCount(ctx: BuildContext): void {
  const host = addHost(ctx, { hostname: "KMS-BR2", domain: "branch.contoso.com", ip: "10.62.0.10", priorRequests: 0 });
  addClients(ctx, "WS-BR2", 4, 12, () => ({
    domain: "branch.contoso.com",
    isVm: ctx.rng.chance(0.2),
    hostId: host.id,
    installedAt: recentInstall(ctx, 20, 2),
    activatedAt: null,
  }));
}

function firewall(ctx: BuildContext): void {
  const target = ctx.mainHosts[0]!;
  addClients(ctx, "WS-LAB", 4, 15, () => ({
    domain: "corp.contoso.com",
    isVm: ctx.rng.chance(0.3),
    hostId: target.id,
    blocked: true,
    installedAt: recentInstall(ctx, 20, 5),
    activatedAt: null,
  }));
}

function dnsPublishFailure(ctx: BuildContext): void {
  const branch = ctx.hosts.find((h) => h.hostname === "KMS-BR2");
  const target = branch ?? ctx.mainHosts[ctx.mainHosts.length - 1]!;
  target.dnsPublishFails = true;
}

function makClients(ctx: BuildContext): void {
  addClients(ctx, "LT-SALES", 4, 25, () => {
    const installedAt = ctx.start - ctx.rng.int(20, 600) * DAY;
    return { domain: "corp.contoso.com", channel: "mak", hostId: null, installedAt, activatedAt: installedAt + ctx.rng.int(1, 48) * HOUR };
  });
}

function hostUnlicensed(ctx: BuildContext): void {
  const host = addHost(ctx, { hostname: "KMS-OLD", domain: "corp.contoso.com", ip: "10.20.0.9", licensed: false, priorRequests: 14 });
  addClients(ctx, "WS-OLD", 4, 10, () => {
    // Activated by KMS-OLD before its own license lapsed; `/skms` pins them to it, so renewals now fail.
    const activatedAt = ctx.start - ctx.rng.int(30, 120) * DAY;
    return {
      domain: "corp.contoso.com",
      hostId: host.id,
      hostSource: "registered",
      installedAt: activatedAt - ctx.rng.int(30, 400) * DAY,
      activatedAt,
    };
  });
}

export const scenarioBuilders: Record<ScenarioName, (ctx: BuildContext) => void> = {
  healthy: () => {},
  "duplicate-cmid": duplicateCmid,
  "rogue-host": rogueHost,
  "low-count": lowCount,
  firewall,
  "dns-publish-failure": dnsPublishFailure,
  "mak-clients": makClients,
  "host-unlicensed": hostUnlicensed,
  ...epidScenarioBuilders,
};
