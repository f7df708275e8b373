// Rogue-host forensics scenarios (issue #21): machines that answer KMS requests and hand out ePIDs a genuine
// host would not — an emulator with random ePIDs, an impostor under a real host's name at one site, and a
// copied host VM (same key, activated again) answering under the original's name at a DR site.
import { DAY } from "../constants";
import { pidDate } from "../format";
import { makeClient, makeHost, num } from "../machines";
import type { BuildContext } from "../scenarios";
import type { HostMachine } from "../types";

export const EMULATOR_HOST_DNS = "kms-emu.lab2.contoso.com";
export const IMPOSTOR_IP = "10.77.0.5";
export const COPIED_HOST_IP = "10.40.0.9";

export const epidScenarioClientCounts = { "epid-emulator": 12, "epid-impostor": 10, "epid-copied-host": 8 } as const;

export const epidScenarioDescriptions = {
  "epid-emulator": `${EMULATOR_HOST_DNS} (no agent, unapproved) is a KMS emulator handing out a random ePID at every activation to 12 lab clients`,
  "epid-impostor": `10 clients of site2 reach another machine (${IMPOSTOR_IP}, another host key) under the name of the first corp host`,
  "epid-copied-host": `a copy of the last corp host's VM, re-activated, answers under its name at ${COPIED_HOST_IP} for 8 DR clients`,
} as const;

type SiteSpec = { prefix: string; domain: string; count: number; host: HostMachine };

/** Clients activated during the week before the window, so they renew (and get an ePID) every week of it. */
function addSite(ctx: BuildContext, site: SiteSpec): void {
  for (let i = 1; i <= site.count; i++) {
    const activatedAt = ctx.start - ctx.rng.int(0, 7 * DAY);
    ctx.clients.push(
      makeClient(ctx.seed, {
        hostname: `${site.prefix}-${num(i, 4)}`,
        domain: site.domain,
        hostId: site.host.id,
        installedAt: activatedAt - ctx.rng.int(30, 400) * DAY,
        activatedAt,
      }),
    );
  }
}

/** A machine answering under `real`'s name: clients only see the name, so they cannot tell. */
function answeringAs(real: HostMachine, impostor: HostMachine, epid: string): HostMachine {
  return { ...impostor, dnsName: real.dnsName, approved: false, hasAgent: false, epid };
}

function emulator(ctx: BuildContext): void {
  const host = makeHost(
    ctx.seed,
    { hostname: "KMS-EMU", domain: "lab2.contoso.com", ip: "10.99.8.8", approved: false, hasAgent: false, fakeCount: 50 },
    ctx.start,
  );
  host.randomEpids = true;
  ctx.hosts.push(host);
  addSite(ctx, { prefix: "WS-LAB2", domain: "lab2.contoso.com", count: epidScenarioClientCounts["epid-emulator"], host });
}

function impostor(ctx: BuildContext): void {
  const real = ctx.mainHosts[0];
  if (!real) return;
  const other = makeHost(ctx.seed, { hostname: "KMS-S2-IMPOSTOR", domain: "site2.contoso.com", ip: IMPOSTOR_IP, fakeCount: 50 }, ctx.start);
  // Another host key: its own key group, serial and activation day.
  const host = answeringAs(real, other, other.epid.replace(/^(\d{5})-\d{5}/, "$1-00206"));
  ctx.hosts.push(host);
  addSite(ctx, { prefix: "WS-S2", domain: "site2.contoso.com", count: epidScenarioClientCounts["epid-impostor"], host });
}

function copiedHost(ctx: BuildContext): void {
  const real = ctx.mainHosts[ctx.mainHosts.length - 1];
  if (!real) return;
  const clone = makeHost(ctx.seed, { hostname: "KMS-DR-CLONE", domain: "dr.contoso.com", ip: COPIED_HOST_IP, fakeCount: 50 }, ctx.start);
  // Same key (platform, group, serial), activated again when the copy came up three weeks before the window.
  const epid = real.epid.replace(/-\d{7}$/, `-${pidDate(ctx.start - 21 * DAY)}`);
  const host = answeringAs(real, clone, epid);
  ctx.hosts.push(host);
  addSite(ctx, { prefix: "WS-DR", domain: "dr.contoso.com", count: epidScenarioClientCounts["epid-copied-host"], host });
}

export const epidScenarioBuilders = { "epid-emulator": emulator, "epid-impostor": impostor, "epid-copied-host": copiedHost };
