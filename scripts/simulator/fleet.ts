// Builds the simulated estate: the healthy main site plus every requested scenario site.
import { DAY, HOUR, MINUTE } from "./constants";
import { makeClient, makeHost, num } from "./machines";
import { createRng } from "./prng";
import { scenarioBuilders, scenarioClientCounts, type BuildContext } from "./scenarios";
import { scenarioNames, type ClientMachine, type Fleet, type FleetOptions, type HostMachine } from "./types";

export const DEFAULT_MAX_ATTEMPTS_PER_DAY = 4;
const SERVER_SHARE = 0.05;
const VM_SHARE = 0.15;
const NEW_INSTALL_SHARE = 0.03;
/** Agentless machines per main host: real hosts also serve machines kmswatch does not manage,
 * which keeps a small simulated fleet's main site above the 25 threshold. */
export const BACKGROUND_CLIENTS_PER_HOST = 30;

export function buildFleet(input: FleetOptions): Fleet {
  if (!Number.isInteger(input.hosts) || input.hosts < 1) throw new Error("hosts must be an integer >= 1");
  if (!Number.isInteger(input.clients) || input.clients < 0) throw new Error("clients must be an integer >= 0");
  if (!(input.days > 0)) throw new Error("days must be > 0");
  const options: Required<FleetOptions> = {
    maxAttemptsPerDay: DEFAULT_MAX_ATTEMPTS_PER_DAY,
    ...input,
    scenarios: scenarioNames.filter((s) => input.scenarios.includes(s)),
  };
  const rng = createRng(options.seed);
  const start = options.end - Math.round(options.days * DAY);
  const warmStart = start - 30 * DAY;

  const mainHosts: HostMachine[] = [];
  for (let i = 1; i <= options.hosts; i++) {
    mainHosts.push(makeHost(options.seed, { hostname: `KMS${num(i, 2)}`, domain: "corp.contoso.com", ip: `10.20.0.${14 + i}` }, start));
  }

  const carved = options.scenarios.reduce((n, s) => n + scenarioClientCounts[s], 0);
  const poolSize = Math.max(0, options.clients - carved);
  const serverCount = Math.round(poolSize * SERVER_SHARE);
  const clients: ClientMachine[] = [];
  for (let i = 0; i < poolSize; i++) {
    const isServer = i < serverCount;
    const isNew = !isServer && rng.chance(NEW_INSTALL_SHARE);
    // Licensed machines last renewed during the week before warm-up; new ones appear inside the window.
    const activatedAt = isNew ? null : warmStart - rng.int(0, 7 * DAY);
    const installedAt = isNew
      ? start + rng.int(0, Math.max(1, options.end - start - HOUR))
      : (activatedAt ?? start) - rng.int(30, 900) * DAY - rng.int(0, DAY);
    clients.push(
      makeClient(options.seed, {
        hostname: isServer ? `SRV-APP-${num(i + 1, 3)}` : `WS-${num(i - serverCount + 1, 4)}`,
        domain: "corp.contoso.com",
        product: isServer ? "server" : "win",
        isVm: isServer || rng.chance(VM_SHARE),
        hostId: rng.pick(mainHosts).id,
        installedAt: installedAt - (installedAt % MINUTE),
        activatedAt,
      }),
    );
  }

  for (const [h, host] of mainHosts.entries()) {
    for (let i = 1; i <= BACKGROUND_CLIENTS_PER_HOST; i++) {
      const activatedAt = warmStart - rng.int(0, 7 * DAY);
      clients.push(
        makeClient(options.seed, {
          hostname: `PC-${num(h + 1, 2)}${num(i, 3)}`,
          domain: "corp.contoso.com",
          isVm: rng.chance(VM_SHARE),
          hostId: host.id,
          installedAt: activatedAt - rng.int(30, 900) * DAY,
          activatedAt,
          hasAgent: false,
        }),
      );
    }
  }

  const ctx: BuildContext = {
    seed: options.seed,
    rng,
    start,
    end: options.end,
    days: options.days,
    hosts: [...mainHosts],
    clients,
    mainHosts,
    scenarios: new Set(options.scenarios),
  };
  for (const s of options.scenarios) scenarioBuilders[s](ctx);

  return {
    options,
    start,
    hosts: ctx.hosts,
    clients: ctx.clients,
    approvedHosts: ctx.hosts.filter((h) => h.approved).map((h) => h.dnsName),
  };
}

export function machineById(fleet: Fleet, id: string): HostMachine | ClientMachine {
  const m = fleet.hosts.find((h) => h.id === id) ?? fleet.clients.find((c) => c.id === id);
  if (!m) throw new Error(`unknown machine ${id}`);
  return m;
}
