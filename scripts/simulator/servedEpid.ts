// The KMS host ePID a client receives: the host's own, except from an emulator configured with random ePIDs,
// which hands out a new one at every activation (deterministic per host and activation time, so runs repeat).
import { createRng } from "./prng";
import type { ClientSnapshot, HostMachine } from "./types";

/** What py-kms / vlmcsd-style emulators pick from: host OS type + build, and a key group/serial range. */
const EMULATOR_CHOICES = [
  { platform: "55041", build: "7601", group: "00206", serialHigh: [152, 191] },
  { platform: "05426", build: "9200", group: "00206", serialHigh: [152, 191] },
  { platform: "06401", build: "9600", group: "00206", serialHigh: [271, 310] },
  // A sloppy table: a Server 2019 build "activated" in 2015, before that build existed.
  { platform: "03612", build: "17763", group: "00206", serialHigh: [551, 570], year: 2015 },
] as const;

export function servedEpid(host: HostMachine, s: ClientSnapshot): string {
  if (!host.randomEpids || !s.lastActivation) return host.epid;
  const rng = createRng(Math.floor(s.lastActivation.at / 1000)).fork(host.id);
  const choice = rng.pick([...EMULATOR_CHOICES]);
  const serialHigh = rng.int(choice.serialHigh[0], choice.serialHigh[1]);
  const year = "year" in choice ? choice.year : rng.int(2016, 2024);
  const day = String(rng.int(1, 365)).padStart(3, "0");
  return `${choice.platform}-${choice.group}-${serialHigh}-${rng.digits(6)}-03-1033-${choice.build}.0000-${day}${year}`;
}
