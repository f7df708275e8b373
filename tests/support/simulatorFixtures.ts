// Test helper: where the shared reference fixtures live (tests skip when none is reachable).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "@/tests/support/fixtures";

const candidates = [process.env.KMSWATCH_FIXTURES_DIR, LOCAL_FIXTURES, SHARED_FIXTURES].filter((p): p is string => Boolean(p));

export const FIXTURES_DIR = candidates.find((p) => existsSync(join(p, "dlv", "kms-host-healthy.en-US.txt"))) ?? null;

export function fixture(rel: string): string {
  if (!FIXTURES_DIR) throw new Error("fixtures not found");
  return readFileSync(join(FIXTURES_DIR, rel), "utf8");
}

/** `2024-05-13T11:12:44.1234560Z` -> ms + 100-ns ticks below the millisecond. */
export function at(systemTime: string): { time: number; ticks: number } {
  const m = /^(.*\.\d{3})(\d{4})Z$/.exec(systemTime);
  if (!m) throw new Error(`bad SystemTime ${systemTime}`);
  return { time: Date.parse(`${m[1]}Z`), ticks: Number(m[2]) };
}
