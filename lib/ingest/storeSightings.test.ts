import { describe, expect, it } from "vitest";
import type { CmidSightingRow } from "@/lib/ingest/sightings";
import { cmidSightingArrays } from "@/lib/ingest/storeSightings";

const row = (cmid: string, machine: string, kmsHost: string, at: string): CmidSightingRow => ({ cmid, machine, kmsHost, at });

describe("cmidSightingArrays", () => {
  it("keeps each CMID × machine × host once, with its earliest and latest sighting", () => {
    const arrays = cmidSightingArrays([
      row("c1", "ws-1", "kms01", "2026-12-02T10:00:00.000Z"),
      row("c1", "ws-1", "kms01", "2026-11-30T08:00:00.000Z"),
      row("c1", "ws-1", "kms01", "2026-12-01T09:00:00.000Z"),
      row("c1", "ws-1", "kms02", "2026-12-03T00:00:00.000Z"),
      row("c2", "ws-2", "", "2026-12-04T00:00:00.000Z"),
    ]);
    expect(arrays).toEqual({
      cmids: ["c1", "c1", "c2"],
      machines: ["ws-1", "ws-1", "ws-2"],
      kmsHosts: ["kms01", "kms02", ""],
      firstAt: ["2026-11-30T08:00:00.000Z", "2026-12-03T00:00:00.000Z", "2026-12-04T00:00:00.000Z"],
      lastAt: ["2026-12-02T10:00:00.000Z", "2026-12-03T00:00:00.000Z", "2026-12-04T00:00:00.000Z"],
      batchDuplicates: [],
    });
  });

  it("names the CMIDs the batch itself shows on two machines, not one machine seen through two hosts", () => {
    const seen: [string, string, string][] = [
      ["clone", "ws-a", "kms01"],
      ["clone", "ws-b", "kms01"],
      ["roaming", "ws-c", "kms01"],
      ["roaming", "ws-c", "kms02"],
    ];
    const arrays = cmidSightingArrays(seen.map(([cmid, machine, host]) => row(cmid, machine, host, "2026-12-01T00:00:00.000Z")));
    expect(arrays.batchDuplicates).toEqual(["clone"]);
  });

  it("makes a NUL (which PostgreSQL text cannot hold) storable, as the JSON rows did", () => {
    const arrays = cmidSightingArrays([row("c\u00001", "ws\u0000", "kms", "2026-12-01T00:00:00.000Z")]);
    expect(arrays.cmids).toEqual(["c\uFFFD1"]);
    expect(arrays.machines).toEqual(["ws\uFFFD"]);
  });
});
