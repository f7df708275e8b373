// The retention job against a real database: what the policy removes, what it must keep (a machine's current
// state and the raw text of a snapshot still in force, however old), and one replica at a time.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { packText, storedEventXml, storedText } from "../../lib/core/deflate";
import { DAY_MS } from "../../lib/core/time";
import { RETENTION_LOCK_KEY, runRetention } from "../../lib/evaluate/jobs/retention";
import { sql } from "./helpers";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

// The test's "now" is set in 2006 so that its 90 / 400-day cutoffs fall before anything the other test files
// store in this shared database (events before 2006 are refused by the clock policy): the job runs fleet-wide.
const now = new Date("2006-06-01T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
const policy = { rawDays: 90, historyDays: 400 };

async function seed(prefix: string) {
  const [machine] = await sql<{ id: string }>(
    `INSERT INTO machine (id, fqdn, hostname, role) VALUES (gen_random_uuid(), $1, $2, 'client') RETURNING id`,
    [`${prefix}.retention.contoso.com`, prefix],
  );
  const id = machine?.id ?? "";
  // Stored before packing (plain text) or as ingest stores it now (packed): retention empties both forms.
  const raw = async (name: string, lastSeen: Date, packed = false) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO raw_artifact (id, machine_id, type, content_hash, body, body_packed, first_seen_at, last_seen_at)
         VALUES (gen_random_uuid(), $1, 'dlv', $2, $3, $4, $5, $5) RETURNING id`,
        [id, `${prefix}-${name}`, packed ? null : `text of ${name}`, packed ? packText(`text of ${name}`, "dlv") : null, lastSeen],
      )
    )[0]?.id;
  const snapshot = async (name: string, rawId: string | undefined, collected: Date, lastSeen: Date, product = "windows") => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO snapshot (id, machine_id, raw_artifact_id, source, product_key, content_hash, collected_at, is_kms_host, parsed, license_status)
       VALUES (gen_random_uuid(), $1, $2, 'dlv', $5, $3, $4, false, '{}', 'Licensed') RETURNING id`,
      [id, rawId, `${prefix}-${name}`, collected, product],
    );
    await sql("INSERT INTO snapshot_seen (snapshot_id, last_seen_at) VALUES ($1, $2)", [row?.id, lastSeen]);
    return row?.id ?? "";
  };
  // Superseded 500 days ago; superseded 100 days ago; current since 450 days, seen an hour ago.
  const ancient = await snapshot("ancient", await raw("ancient", ago(500)), ago(520), ago(500));
  const recent = await snapshot("recent", await raw("recent", ago(100), true), ago(110), ago(100));
  const current = await snapshot("current", await raw("current", ago(450), true), ago(99), new Date(now.getTime() - 3_600_000));
  // Office, removed from the machine 500 days ago: its last state is the latest of its product, kept (its raw text is not).
  const office = await snapshot("office", await raw("office", ago(500)), ago(600), ago(500), "office");
  await sql(
    `INSERT INTO machine_windows_state (machine_id, snapshot_id, source, collected_at, license_status) VALUES ($1, $2, 'dlv', $3, 'Licensed')`,
    [id, current, ago(99)],
  );
  for (const [record, days] of [
    [1, 500],
    [2, 100],
    [3, 10],
  ] as const) {
    await sql(
      `INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, raw_xml, raw_xml_packed)
       VALUES ($1, 'Application', $2, 12288, $3, $4, $5)`,
      // Event 1 stored before packing, 2 and 3 packed as ingest stores them now.
      [
        id,
        record,
        ago(days),
        record === 1 ? `<Event>${record}</Event>` : null,
        record === 1 ? null : packText(`<Event>${record}</Event>`, "eventXml"),
      ],
    );
  }
  await sql(
    `INSERT INTO probe_result (id, machine_id, checked_at, srv_found, srv_records) VALUES (gen_random_uuid(), $1, $2, true, '[]'),
            (gen_random_uuid(), $1, $3, true, '[]')`,
    [id, ago(401), ago(1)],
  );
  return { id, ancient, recent, current, office };
}

describe("retention job", () => {
  it("deletes history past 400 days and empties raw text past 90, keeping what is in force", async () => {
    const m = await seed("RET1");
    const result = await runRetention(now, policy, pool);
    expect(result.ran).toBe(true);

    const snapshots = await sql<{ id: string }>("SELECT id FROM snapshot WHERE machine_id = $1 ORDER BY collected_at", [m.id]);
    expect(snapshots.map((s) => s.id)).toEqual([m.office, m.recent, m.current]);
    const raws = (
      await sql<{ content_hash: string; body: string | null; body_deflate: Buffer | null; body_packed: Buffer | null; pruned: boolean }>(
        `SELECT convert_from(content_hash, 'UTF8') AS content_hash, body, body_deflate, body_packed, pruned_at IS NOT NULL AS pruned
           FROM raw_artifact WHERE machine_id = $1 ORDER BY content_hash`,
        [m.id],
      )
    ).map((r) => ({
      content_hash: r.content_hash,
      body: storedText({ body: r.body, bodyDeflate: r.body_deflate, bodyPacked: r.body_packed }),
      pruned: r.pruned,
    }));
    // The ancient artifact went with its snapshot; the recent one lost its text; the current one keeps it (seen now).
    expect(raws).toEqual([
      { content_hash: "RET1-current", body: "text of current", pruned: false },
      { content_hash: "RET1-office", body: null, pruned: true },
      { content_hash: "RET1-recent", body: null, pruned: true },
    ]);
    const events = await sql<{ record_id: string; raw_xml: string | null; raw_xml_packed: Buffer | null }>(
      "SELECT record_id, raw_xml, raw_xml_packed FROM activation_event WHERE machine_id = $1 ORDER BY record_id",
      [m.id],
    );
    expect(events.map((e) => ({ record_id: e.record_id, xml: storedEventXml(e), packed: e.raw_xml_packed !== null }))).toEqual([
      { record_id: "2", xml: "", packed: false },
      { record_id: "3", xml: "<Event>3</Event>", packed: true },
    ]);
    expect(await sql("SELECT 1 FROM probe_result WHERE machine_id = $1", [m.id])).toHaveLength(1);
    expect(await sql("SELECT 1 FROM machine_windows_state WHERE machine_id = $1 AND snapshot_id = $2", [m.id, m.current])).toHaveLength(1);

    // A second run finds nothing more to do.
    const again = await runRetention(now, policy, pool);
    expect(again).toMatchObject({ ran: true, eventsDeleted: 0, snapshotsDeleted: 0, rawArtifactsPruned: 0, eventXmlPruned: 0 });
  });

  it("keeps everything with 0 days, and skips while another replica holds the lock", async () => {
    const m = await seed("RET2");
    const holder = await pool.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [RETENTION_LOCK_KEY]);
      expect((await runRetention(now, policy, pool)).ran).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]);
    } finally {
      holder.release();
    }
    const kept = await runRetention(now, { rawDays: 0, historyDays: 0 }, pool);
    expect(kept).toMatchObject({ ran: true, eventsDeleted: 0, snapshotsDeleted: 0, rawArtifactsPruned: 0 });
    expect(await sql("SELECT 1 FROM snapshot WHERE machine_id = $1", [m.id])).toHaveLength(4);
  });
});
