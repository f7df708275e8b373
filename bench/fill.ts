// Phase 3a: a fleet at scale written straight into Postgres with INSERT ... SELECT generate_series,
// in the shape lib/ingest/store.ts writes (pushing it through HTTP would take hours).
//
// Shape (C clients, H hosts, D days ending now; see docs/scaling.md):
// - machine: H rows role kms_host (kmsNN.corp.contoso.com), C rows role client (ws-NNNNNN.corp.contoso.com);
//   client i uses host 1 + i % H; one client in 1000 shares its CMID with its neighbour (cloned image).
// - activation_event: every client renews every 7 days (phase offset by client) → per renewal a 12288
//   and a 12289 on the client (Application log) and a 12290 on its host (Key Management Service log);
//   columns as the parser fills them; raw_xml_packed as ingest packs it (lib/core/deflate.ts packText): SQL
//   cannot deflate, so each row gets one of PACKED_VARIANTS events rendered by the simulator with other
//   names, times, record ids and CMIDs, packed in JS (same size as the row's own event would pack to).
// - snapshot: per client the state in force at the window start plus one state per renewal, each as a
//   /dlv and a CIM snapshot (the two sources store.ts writes); per host one /dlv + CIM pair per hourly
//   check-in (its request counters move every hour, so every host check-in is a change).
// - incident: host 1 stopped answering in the last two hours, so each client it serves (1 in H) has a last
//   12288 that no 12289 answered: an open critical alert each, the bad day the dashboard must stay fast on.
// - raw_artifact: one row per snapshot (bodies are the simulator's /dlv text and CIM JSON).
// - parsed jsonb: the product the real parsers produce from those bodies.
// Secondary indexes are dropped during the fill and rebuilt from their own definitions afterwards,
// FK triggers are skipped (session_replication_role = replica), then VACUUM ANALYZE, as autovacuum
// would have done on a 90-day-old database.
import { eventRow, PACKED_VARIANTS, productRow, templates, type Templates } from "./lib/fillTemplates";
import type { BenchContext } from "./lib/context";
import { log, pool } from "./lib/util";
import { finishFill } from "./lib/fillFinish";
import { packText } from "../lib/core/deflate";

const FILLED_TABLES = ["activation_event", "snapshot", "snapshot_seen", "raw_artifact"];
const CHUNK = 5000;

export type FillResult = {
  clients: number;
  hosts: number;
  days: number;
  seconds: number;
  rows: Record<string, number>;
  bytes: Record<string, number>;
};

async function exec(ctx: BenchContext, sql: string, params: unknown[] = []): Promise<void> {
  const client = await ctx.pool.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query("SET synchronous_commit = off");
    await client.query(sql, params);
  } finally {
    await client.query("RESET session_replication_role").catch(() => undefined);
    client.release();
  }
}

/** Per-client constants shared by the statements, for clients lo..hi. */
const clientsCte = (H: number) => `
  c AS (
    SELECT i, bench_uuid('c' || i) AS id, 'ws-' || lpad(i::text, 6, '0') || '.corp.contoso.com' AS fqdn,
           bench_uuid('h' || (1 + i % ${H})) AS host_id, 'kms' || lpad((1 + i % ${H})::text, 2, '0') || '.corp.contoso.com' AS host_fqdn,
           (CASE WHEN i % 1000 = 0 THEN md5('cmid' || (i - 1)) ELSE md5('cmid' || i) END)::uuid::text AS cmid,
           ((i::bigint * 7919) % 10080)::int AS offset_min, i % 7 = 0 AS is_vm
      FROM generate_series($1::int, $2::int) AS i)`;

/** Renewal k of a client happens at start + offset + k weeks (k = 0.. while before now). */
const renewals = `
  CROSS JOIN LATERAL generate_series(0, floor(($4::int * 1440 - c.offset_min) / 10080.0)::int) AS k
  CROSS JOIN LATERAL (SELECT $3::timestamptz - make_interval(days => $4::int) + make_interval(mins => c.offset_min + k * 10080) AS t) r`;

function eventsSql(H: number): string {
  return `WITH ${clientsCte(H)}
  INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, hresult, kms_host, kms_port,
    cmid, is_vm, license_status, activation_id, min_count, client_fqdn, activated, host_current_count, domain, raw_xml_packed)
  SELECT CASE WHEN ev.e = 12290 THEN c.host_id ELSE c.id END,
         CASE WHEN ev.e = 12290 THEN 'Key Management Service' ELSE 'Application' END,
         CASE ev.e WHEN 12288 THEN 2 * k + 1 WHEN 12289 THEN 2 * k + 2 ELSE c.i::bigint * 100 + k END,
         ev.e, r.t + CASE WHEN ev.e = 12289 THEN interval '1 second' ELSE interval '0' END,
         ev.hresult, CASE WHEN ev.e = 12288 THEN c.host_fqdn END, CASE WHEN ev.e = 12288 THEN 1688 END,
         CASE WHEN ev.e <> 12289 THEN c.cmid END, CASE WHEN ev.e <> 12289 THEN c.is_vm END,
         ev.license_status, ev.activation_id, ev.min_count,
         CASE WHEN ev.e = 12290 THEN c.fqdn END, ev.activated, ev.host_current_count, NULL,
         decode(ev.packed ->> (c.i % ${PACKED_VARIANTS}), 'base64')
    FROM c ${renewals}
   CROSS JOIN jsonb_to_recordset($5::jsonb) AS ev(e int, packed jsonb, hresult text, license_status text,
        activation_id text, min_count int, activated boolean, host_current_count int)
   WHERE r.t <= $3::timestamptz`;
}

/** Snapshot j = 0 is the state in force at the window start; j >= 1 the state after renewal j - 1. */
// The product templates (parameter $5) as rows p, and the snapshot columns a fill writes: the client and host fills alike.
const productTemplates = `jsonb_to_recordset($5::jsonb) AS p(source text, product_key text, activation_id text, application_id text,
  name text, channel text, product_key_channel text, partial_product_key text, listening_port int, dns_publishing boolean,
  service_version text, parsed jsonb, parsed_packed bytea)`;
const insertSnapshot = `INSERT INTO snapshot (id, machine_id, raw_artifact_id, source, product_key, content_hash, collected_at,
  activation_id, application_id, name, channel, product_key_channel, partial_product_key, license_status, grace_remaining_min,
  expires_at, notification_reason, is_kms_host, current_count, listening_port, dns_publishing, total_requests, failed_requests,
  cmid, kms_host, kms_port, kms_host_source, service_version, parsed, parsed_packed)`;

const clientStates = `
  CROSS JOIN LATERAL generate_series(0, 1 + floor(($4::int * 1440 - c.offset_min) / 10080.0)::int) AS j
  CROSS JOIN LATERAL (
    SELECT CASE WHEN j = 0 THEN $3::timestamptz - make_interval(days => $4::int)
                ELSE $3::timestamptz - make_interval(days => $4::int) + make_interval(mins => c.offset_min + (j - 1) * 10080 + 20) END AS at,
           $3::timestamptz - make_interval(days => $4::int) + make_interval(mins => c.offset_min + j * 10080 - 40) AS next_at,
           $3::timestamptz - make_interval(days => $4::int) + make_interval(mins => c.offset_min + (j - 1) * 10080) + interval '180 days' AS expires) s
  CROSS JOIN (VALUES ('dlv'), ('cim')) AS src(source)`;

function clientSnapshotsSql(H: number): string {
  return `WITH ${clientsCte(H)},
  rows AS (
  SELECT bench_uuid('s' || c.i || '-' || j || src.source) AS id, c.id AS machine_id, bench_uuid('r' || c.i || '-' || j || src.source) AS raw_artifact_id,
         src.source, p.product_key, decode(md5('hash' || c.i || '-' || j) || md5(src.source || c.i || '-' || j), 'hex') AS content_hash, s.at AS collected_at,
         greatest(s.at, least(s.next_at, $3::timestamptz - make_interval(mins => c.i % 60))) AS last_seen_at,
         p.activation_id, p.application_id, p.name, p.channel, p.product_key_channel, p.partial_product_key, 'Licensed' AS license_status,
         (extract(epoch FROM s.expires - s.at) / 60)::int AS grace_remaining_min, s.expires AS expires_at, c.cmid, c.host_fqdn AS kms_host,
         p.listening_port, p.dns_publishing, p.service_version, p.parsed, p.parsed_packed AS parsed_packed
    FROM c ${clientStates}
    JOIN ${productTemplates} ON p.source = src.source
   WHERE s.at <= $3::timestamptz),
  seen AS (INSERT INTO snapshot_seen (snapshot_id, last_seen_at) SELECT id, last_seen_at FROM rows)
  ${insertSnapshot}
  SELECT id, machine_id, raw_artifact_id, source, product_key, content_hash, collected_at,
         activation_id, application_id, name, channel, product_key_channel, partial_product_key, license_status, grace_remaining_min,
         expires_at, NULL, false, NULL, listening_port, dns_publishing, NULL, NULL,
         cmid, kms_host, 1688, 'dns', service_version, parsed, parsed_packed
    FROM rows`;
}

function clientRawSql(H: number): string {
  return `WITH ${clientsCte(H)}
  INSERT INTO raw_artifact (id, machine_id, type, content_hash, body_packed, first_seen_at, last_seen_at)
  SELECT bench_uuid('r' || c.i || '-' || j || src.source), c.id, src.source,
         decode(md5('raw' || c.i || '-' || j) || md5(src.source || c.i || '-' || j), 'hex'), decode(b.body, 'base64'), s.at, greatest(s.at, least(s.next_at, $3::timestamptz))
    FROM c ${clientStates}
    JOIN jsonb_to_recordset($5::jsonb) AS b(source text, body text) ON b.source = src.source
   WHERE s.at <= $3::timestamptz`;
}

function incidentSql(H: number): string {
  return `WITH ${clientsCte(H)}
  INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, hresult, kms_host, kms_port,
    cmid, is_vm, license_status, activation_id, min_count, raw_xml_packed)
  SELECT c.id, 'Application', 1000001, 12288, r.t, ev.hresult, c.host_fqdn, 1688, c.cmid,
         c.is_vm, ev.license_status, ev.activation_id, ev.min_count,
         decode(ev.packed ->> (c.i % ${PACKED_VARIANTS}), 'base64')
    FROM c CROSS JOIN LATERAL (SELECT $3::timestamptz - make_interval(mins => 30 + c.i % 90) AS t) r
   CROSS JOIN jsonb_to_recordset($4::jsonb) AS ev(packed jsonb, hresult text, license_status text,
        activation_id text, min_count int)
   WHERE c.i % ${H} = 0`;
}

const hostStatesSql = `
  WITH h AS (SELECT n, bench_uuid('h' || n) AS id FROM generate_series(1, $1::int) AS n),
  t AS (SELECT at, row_number() OVER (ORDER BY at) AS hour FROM generate_series($3::timestamptz - make_interval(days => $2::int), $3::timestamptz, interval '1 hour') AS at)`;

async function fillHosts(ctx: BenchContext, tpl: Templates, H: number, D: number, now: Date, clientsPerHost: number): Promise<void> {
  const products = (["dlv", "cim"] as const).map((source) => productRow(source, tpl.host[source].product));
  // Bodies packed as ingest stores them (base64 in the JSON parameter, bytea in the table).
  const bodies = (["dlv", "cim"] as const).map((source) => ({ source, body: packText(tpl.host[source].body, source).toString("base64") }));
  await exec(
    ctx,
    `${hostStatesSql},
    rows AS (
    SELECT bench_uuid('hs' || h.n || '-' || t.hour || p.source) AS id, h.id AS machine_id, bench_uuid('hr' || h.n || '-' || t.hour || p.source) AS raw_artifact_id,
           p.source, p.product_key, decode(md5('hh' || h.n || '-' || t.hour) || md5(p.source || h.n || '-' || t.hour), 'hex') AS content_hash, t.at AS collected_at,
           t.at + interval '50 minutes' AS last_seen_at, p.activation_id, p.application_id, p.name, p.channel, p.product_key_channel,
           p.partial_product_key, 10000 + (t.hour * $4::int / 168)::int AS total_requests, (t.hour * $4::int / 16800)::int AS failed_requests,
           md5('hostcmid' || h.n)::uuid::text AS cmid, p.service_version, p.parsed, p.parsed_packed AS parsed_packed
      FROM h CROSS JOIN t
      CROSS JOIN ${productTemplates}),
    seen AS (INSERT INTO snapshot_seen (snapshot_id, last_seen_at) SELECT id, last_seen_at FROM rows)
    ${insertSnapshot}
    SELECT id, machine_id, raw_artifact_id, source, product_key, content_hash, collected_at,
           activation_id, application_id, name, channel, product_key_channel, partial_product_key, 'Licensed', 0,
           NULL, NULL, true, 50, 1688, true, total_requests, failed_requests,
           cmid, NULL, NULL, NULL, service_version, parsed, parsed_packed
      FROM rows`,
    [H, D, now, clientsPerHost, JSON.stringify(products)],
  );
  await exec(
    ctx,
    `${hostStatesSql}
    INSERT INTO raw_artifact (id, machine_id, type, content_hash, body_packed, first_seen_at, last_seen_at)
    SELECT bench_uuid('hr' || h.n || '-' || t.hour || b.source), h.id, b.source,
           decode(md5('hraw' || h.n || '-' || t.hour) || md5(b.source || h.n || '-' || t.hour), 'hex'), decode(b.body, 'base64'), t.at, t.at + interval '50 minutes'
      FROM h CROSS JOIN t CROSS JOIN jsonb_to_recordset($4::jsonb) AS b(source text, body text)`,
    [H, D, now, JSON.stringify(bodies)],
  );
}

export async function fillFleet(ctx: BenchContext): Promise<FillResult> {
  // The server's scheduled alert evaluation must not run on a half-written database: without its indexes
  // (dropped during the load) one pass plans for minutes and would still be running while the dashboard is
  // measured. Holding the evaluation lock makes the scheduler skip (it only tries the lock) until the fill ends.
  const { EVALUATION_LOCK_KEY } = await import("../lib/evaluate/alerts/evaluate");
  const lock = await ctx.pool.connect();
  await lock.query("SELECT pg_advisory_lock($1::bigint)", [EVALUATION_LOCK_KEY]);
  try {
    return await fill(ctx);
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1::bigint)", [EVALUATION_LOCK_KEY]).catch(() => undefined);
    lock.release();
  }
}

async function fill(ctx: BenchContext): Promise<FillResult> {
  const { clients: C, hosts: H, days: D } = ctx.options;
  const now = new Date();
  const t0 = performance.now();
  const tpl = templates();
  log(`fill: emptying the benchmark's earlier machines, then ${C} clients, ${H} hosts, ${D} days`);
  await ctx.pool.query(
    "TRUNCATE machine, agent, ingest_batch, raw_artifact, snapshot, snapshot_seen, activation_event, quarantined_artifact, probe_result, approved_kms_host, cmid_sighting, kms_host_sighting, duplicate_cmid, kms_host_client, kms_host_client_count, kms_host_source CASCADE",
  );
  // md5 as a version-4 UUID: the API validates ids as RFC 4122 UUIDs.
  await ctx.pool.query(`CREATE OR REPLACE FUNCTION bench_uuid(text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(m, 1, 12) || '4' || substr(m, 14, 3) || '8' || substr(m, 18, 15))::uuid FROM md5($1) AS m $$`);
  // Fewer checkpoints during the bulk load, but bounded: WAL is disk the user must have free (the
  // filled 100k-client database is about 10 GB on its own).
  await ctx.pool.query("ALTER SYSTEM SET max_wal_size = '4GB'");
  await ctx.pool.query("ALTER SYSTEM SET checkpoint_timeout = '1h'");
  await ctx.pool.query("SELECT pg_reload_conf()");
  const indexes = await ctx.pool.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [FILLED_TABLES],
  );
  for (const ix of indexes.rows) await ctx.pool.query(`DROP INDEX "${ix.indexname}"`);

  // Machines n = 1..count: their id key, their name (SQL over n), first seen D days ago, last seen within `spreadMin`.
  const insertMachines = (key: string, name: string, role: string, count: number, spreadMin: number) =>
    ctx.pool.query(
      `INSERT INTO machine (id, fqdn, hostname, role, first_seen_at, last_seen_at)
       SELECT bench_uuid('${key}' || n), lower(${name}) || '.corp.contoso.com', ${name}, '${role}',
              $2::timestamptz - make_interval(days => $3::int), $2::timestamptz - make_interval(mins => n % ${spreadMin})
         FROM generate_series(1, $1::int) AS n`,
      [count, now, D],
    );
  await insertMachines("h", "'KMS' || lpad(n::text, 2, '0')", "kms_host", H, 50);
  await insertMachines("c", "'WS-' || lpad(n::text, 6, '0')", "client", C, 60);
  await ctx.pool.query(
    `INSERT INTO approved_kms_host (id, host, note) SELECT bench_uuid('a' || n), 'kms' || lpad(n::text, 2, '0') || '.corp.contoso.com', 'bench'
       FROM generate_series(1, $1::int) AS n`,
    [H],
  );
  await fillHosts(ctx, tpl, H, D, now, Math.ceil(C / H));

  const events = JSON.stringify([eventRow(12288, tpl.e12288), eventRow(12289, tpl.e12289), eventRow(12290, tpl.e12290)]);
  const products = JSON.stringify((["dlv", "cim"] as const).map((s) => productRow(s, tpl.client[s].product)));
  const bodies = JSON.stringify(
    (["dlv", "cim"] as const).map((s) => ({ source: s, body: packText(tpl.client[s].body, s).toString("base64") })),
  );
  const tasks: { name: string; sql: string; lo: number; hi: number; json: string }[] = [];
  for (let lo = 1; lo <= C; lo += CHUNK) {
    const hi = Math.min(C, lo + CHUNK - 1);
    tasks.push({ name: "events", sql: eventsSql(H), lo, hi, json: events });
    tasks.push({ name: "snapshots", sql: clientSnapshotsSql(H), lo, hi, json: products });
    tasks.push({ name: "raw", sql: clientRawSql(H), lo, hi, json: bodies });
  }
  let done = 0;
  await pool(tasks.length, 2, async (i) => {
    const task = tasks[i]!;
    await exec(ctx, task.sql, [task.lo, task.hi, now, D, task.json]);
    done += 1;
    if (done % 6 === 0 || done === tasks.length) log(`fill: ${done}/${tasks.length} chunks (${task.name} clients ${task.lo}-${task.hi})`);
  });
  await exec(ctx, incidentSql(H), [1, C, now, JSON.stringify([eventRow(12288, tpl.e12288Unanswered)])]);
  await finishFill(ctx, indexes.rows, FILLED_TABLES);
  const seconds = (performance.now() - t0) / 1000;
  const sizes = await ctx.pool.query<{ table: string; rows: string; bytes: string }>(
    `SELECT c.relname AS table, c.reltuples::bigint AS rows, pg_total_relation_size(c.oid) AS bytes
       FROM pg_class c WHERE c.relname = ANY($1) AND c.relkind = 'r'`,
    [["machine", ...FILLED_TABLES]],
  );
  const rows: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  for (const r of sizes.rows) {
    rows[r.table] = Number(r.rows);
    bytes[r.table] = Number(r.bytes);
  }
  log(
    `fill: done in ${seconds.toFixed(0)} s: ${Object.entries(rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")}`,
  );
  return { clients: C, hosts: H, days: D, seconds, rows, bytes };
}
