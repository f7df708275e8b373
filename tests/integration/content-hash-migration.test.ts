// Migration 20261205120000 turns the content hashes stored as hex text into their bytes. Run here on rows in the
// old form (tables of the old shape in a scratch schema, the migration's own SQL): a hash ingest wrote becomes the
// bytes ingest now writes for the same content, a hand-written value keeps its bytes, the unique key holds.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { prepareBatch } from "../../lib/ingest/prepare";
import { hashBytes } from "../../lib/ingest/storeSnapshot";
import { fixture } from "./helpers";

const MIGRATION = path.resolve(import.meta.dirname, "../../prisma/migrations/20261205120000_content_hash_bytes/migration.sql");
const SCHEMA = "content_hash_migration_test";
const client = new pg.Client({ connectionString: inject("databaseUrl") });
afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.end();
});

describe("content hash migration", () => {
  it("converts hex hashes to the bytes ingest writes and keeps any other text's bytes", async () => {
    await client.connect();
    const at = new Date("2026-12-01T10:00:00Z");
    const text = fixture("dlv", "client-kms-licensed-dns.en-US.txt");
    const snap = prepareBatch({ collectedAt: at.toISOString(), artifacts: [{ type: "dlv", text }] } as never, at).snapshots[0]!;
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}; SET search_path TO ${SCHEMA}`);
    // The columns and key of the old shape that the migration touches.
    await client.query(`CREATE TABLE raw_artifact (machine_id uuid NOT NULL, content_hash text NOT NULL);
      CREATE UNIQUE INDEX raw_artifact_machine_id_content_hash_key ON raw_artifact (machine_id, content_hash);
      CREATE TABLE snapshot (machine_id uuid NOT NULL, content_hash text NOT NULL)`);
    const machine = "00000000-0000-4000-8000-000000000001";
    await client.query("INSERT INTO raw_artifact VALUES ($1, $2), ($1, 'RET1-current')", [machine, snap.rawHash]);
    await client.query("INSERT INTO snapshot VALUES ($1, $2)", [machine, snap.contentHash]);

    await client.query(readFileSync(MIGRATION, "utf8"));

    const raw = await client.query<{ content_hash: Buffer }>("SELECT content_hash FROM raw_artifact ORDER BY length(content_hash)");
    expect(raw.rows.map((r) => r.content_hash)).toEqual([Buffer.from("RET1-current"), hashBytes(snap.rawHash)]);
    const stored = await client.query<{ content_hash: Buffer }>("SELECT content_hash FROM snapshot");
    expect(stored.rows[0]?.content_hash).toEqual(hashBytes(snap.contentHash));
    expect(stored.rows[0]?.content_hash.length).toBe(32);
    // The unique key now compares bytes: the same content sent again conflicts, as ingest's ON CONFLICT expects.
    await expect(client.query("INSERT INTO raw_artifact VALUES ($1, $2)", [machine, hashBytes(snap.rawHash)])).rejects.toThrow(
      /raw_artifact_machine_id_content_hash_key/,
    );
  });
});
