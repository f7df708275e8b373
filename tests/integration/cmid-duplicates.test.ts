// Ingest flags a CMID as duplicate when a second machine reports it, in the same statement as the sightings
// upsert (lib/ingest/storeSightings.ts): within one batch, across batches, and never for one machine seen
// through two KMS hosts or reporting again.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { storeSightings } from "../../lib/ingest/storeSightings";
import type { CmidSightingRow } from "../../lib/ingest/sightings";
import { sql } from "./helpers";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

async function store(rows: CmidSightingRow[]) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await storeSightings(client, rows, []);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

async function flagged(cmids: string[]): Promise<string[]> {
  const rows = await sql<{ cmid: string }>("SELECT cmid FROM duplicate_cmid WHERE cmid = ANY($1) ORDER BY cmid", [cmids]);
  return rows.map((r) => r.cmid);
}

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();

describe("duplicate CMID flags kept by ingest", () => {
  it("flags two machines in one batch, and a second machine arriving in a later batch", async () => {
    const [inBatch, later] = [randomUUID(), randomUUID()];
    await store([
      { cmid: inBatch, machine: "clone-a.contoso.com", kmsHost: "kms01.contoso.com", at: at(1) },
      { cmid: inBatch, machine: "clone-b.contoso.com", kmsHost: "kms01.contoso.com", at: at(1) },
      { cmid: later, machine: "clone-c.contoso.com", kmsHost: "kms01.contoso.com", at: at(1) },
    ]);
    expect(await flagged([inBatch, later])).toEqual([inBatch]);
    await store([{ cmid: later, machine: "clone-d.contoso.com", kmsHost: "kms02.contoso.com", at: at(2) }]);
    expect(await flagged([inBatch, later])).toEqual([inBatch, later].sort());
  });

  it("does not flag one machine seen through two KMS hosts, reporting again, or reported twice in a batch", async () => {
    const cmid = randomUUID();
    const machine = "single.contoso.com";
    await store([
      { cmid, machine, kmsHost: "kms01.contoso.com", at: at(1) },
      { cmid, machine, kmsHost: "kms01.contoso.com", at: at(3) },
    ]);
    await store([{ cmid, machine, kmsHost: "kms02.contoso.com", at: at(4) }]);
    await store([{ cmid, machine, kmsHost: "kms01.contoso.com", at: at(5) }]);
    expect(await flagged([cmid])).toEqual([]);
    const sightings = await sql<{ kms_host: string; first: string; last: string }>(
      `SELECT kms_host, first_seen_at AS first, last_seen_at AS last FROM cmid_sighting WHERE cmid = $1 ORDER BY kms_host`,
      [cmid],
    );
    expect(sightings.map((s) => [s.kms_host, new Date(s.first).toISOString(), new Date(s.last).toISOString()])).toEqual([
      ["kms01.contoso.com", at(1), at(5)],
      ["kms02.contoso.com", at(4), at(4)],
    ]);
  });
});
