// Test helper: where the shared reference fixtures live (tests skip when none is reachable).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "@/tests/support/fixtures";
import { ACT_ID_WIN_ENTERPRISE, WINDOWS_APP_ID } from "../../scripts/simulator/constants";
import { simulate } from "../../scripts/simulator/engine";
import { buildFleet } from "../../scripts/simulator/fleet";
import type { ScenarioName, SimulationResult } from "../../scripts/simulator/types";

const candidates = [process.env.KMSWATCH_FIXTURES_DIR, LOCAL_FIXTURES, SHARED_FIXTURES].filter((p): p is string => Boolean(p));

export const FIXTURES_DIR = candidates.find((p) => existsSync(join(p, "dlv", "kms-host-healthy.en-US.txt"))) ?? null;

export function fixture(rel: string): string {
  if (!FIXTURES_DIR) throw new Error("fixtures not found");
  return readFileSync(join(FIXTURES_DIR, rel), "utf8");
}

/** A renderer's output must be the reference fixture to the byte; it is compared piece by piece (split on
 * `separator`: a line, an event) first, so a failure points at the piece that differs. */
export function expectFixture(actual: string, rel: string, separator: string): void {
  const expected = fixture(rel);
  expect(actual.split(separator)).toEqual(expected.split(separator));
  expect(actual).toBe(expected);
}

/** `2024-05-13T11:12:44.1234560Z` -> ms + 100-ns ticks below the millisecond. */
export function at(systemTime: string): { time: number; ticks: number } {
  const m = /^(.*\.\d{3})(\d{4})Z$/.exec(systemTime);
  if (!m) throw new Error(`bad SystemTime ${systemTime}`);
  return { time: Date.parse(`${m[1]}Z`), ticks: Number(m[2]) };
}

/** KMS01's request counters, as its /dlv and CIM fixtures print them. */
export const KMS01_COUNTERS = {
  total: 18342,
  failed: 37,
  unlicensed: 12,
  licensed: 17105,
  oobGrace: 1188,
  ootGrace: 34,
  nonGenuine: 0,
  notification: 3,
};

/** WS-FIN-0142's Windows 11 Enterprise (GVLK) product as renderDlv takes it, without its license state. */
export const WIN_ENTERPRISE_GVLK = {
  serviceVersion: "10.0.22631.3447",
  name: "Windows(R), Enterprise edition",
  description: "Windows(R) Operating System, VOLUME_KMSCLIENT channel",
  activationId: ACT_ID_WIN_ENTERPRISE,
  applicationId: WINDOWS_APP_ID,
  extendedPid: "03612-03311-000-000000-03-1033-22631.0000-0182024",
  productKeyChannel: "Volume:GVLK",
} as const;

/** The fleet the simulator's own end-to-end tests read: two corp hosts, 150 clients, 40 days up to `end` (seed 11). */
export function simulateTestFleet(end: number, scenarios: ScenarioName[]): SimulationResult {
  return simulate(buildFleet({ hosts: 2, clients: 150, days: 40, seed: 11, end, scenarios }));
}
