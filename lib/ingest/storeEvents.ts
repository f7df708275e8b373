// Inserts a batch's events idempotently on (machine, log, EventRecordID). Agents send each event once (they
// keep a bookmark per log), so the new rows are streamed with COPY straight away: checking 500 keys first cost
// a tenth of a batch, and parsing a 750 KB JSON parameter cost PostgreSQL as much as inserting the rows. A
// batch holding an event already stored (an agent resending after a lost answer, or a concurrent request
// storing the same events) makes the COPY fail on the unique key at that row; the batch then goes through the
// INSERT … ON CONFLICT DO NOTHING path instead, so a retried batch is never stored twice nor refused.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { PreparedEvent } from "@/lib/ingest/prepare";
import { copyLine } from "@/lib/ingest/copyText";
import { storableRowsJson } from "@/lib/ingest/json";
import { normalizeHostName } from "@/lib/kms/hostNames";
import { byteaText } from "@/lib/core/deflate";

const UNIQUE_VIOLATION = "23505";

const eventRow = ({ log, event: e, xmlPacked }: PreparedEvent) => ({
  log,
  record_id: e.recordId,
  event_id: e.eventId,
  time_created: e.timeCreated,
  hresult: e.hresult,
  kms_host: normalizeHostName(e.kmsHost),
  kms_port: e.kmsPort,
  cmid: e.cmid?.toLowerCase() ?? null,
  is_vm: e.isVm,
  license_status: e.licenseStatus,
  activation_id: e.activationId,
  min_count: e.minCount,
  client_fqdn: e.clientFqdn?.toLowerCase() ?? null,
  activated: e.activated,
  host_current_count: e.hostCurrentCount,
  domain: e.domain,
  // Packed (~100 bytes instead of ~820) in prepare.
  raw_xml_packed: byteaText(xmlPacked),
});
type EventRow = ReturnType<typeof eventRow>;

// Column order of the COPY and of the JSON fallback: the keys of eventRow, each with its SQL type.
const COLUMNS = [
  ["log", "text"],
  ["record_id", "bigint"],
  ["event_id", "int"],
  ["time_created", "timestamptz"],
  ["hresult", "text"],
  ["kms_host", "text"],
  ["kms_port", "int"],
  ["cmid", "text"],
  ["is_vm", "boolean"],
  ["license_status", "text"],
  ["activation_id", "text"],
  ["min_count", "int"],
  ["client_fqdn", "text"],
  ["activated", "boolean"],
  ["host_current_count", "int"],
  ["domain", "text"],
  ["raw_xml_packed", "bytea"],
] as const satisfies readonly (readonly [keyof EventRow, string])[];
const COLUMN_NAMES = COLUMNS.map(([name]) => name).join(", ");

/** Each (log, record id) once: a batch repeating an event must not fail its own COPY. */
function distinctRows(rows: EventRow[]): EventRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.record_id}\t${r.log}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rows per chunk of COPY text: ~60 KB, under V8's large-object size (128 KB). */
const ROWS_PER_CHUNK = 100;

async function copyRows(client: PoolClient, machineId: string, rows: EventRow[]) {
  // Sent in chunks, not as one string: a 500-event batch made a 300 KB string per request, which V8 keeps in its
  // large-object space until a full collection (the server's GC threads then marked the heap over and over).
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK)
    chunks.push(
      rows
        .slice(i, i + ROWS_PER_CHUNK)
        .map((r) => copyLine([machineId, ...COLUMNS.map(([name]) => r[name])]))
        .join(""),
    );
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY activation_event (machine_id, ${COLUMN_NAMES}) FROM STDIN`)));
}

async function insertIdempotently(client: PoolClient, machineId: string, rows: EventRow[]): Promise<number> {
  const result = await client.query(
    `INSERT INTO activation_event (machine_id, ${COLUMN_NAMES})
     SELECT $1::uuid, * FROM json_to_recordset($2::json) AS t(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")})
     ON CONFLICT (machine_id, log, record_id) DO NOTHING`,
    [machineId, storableRowsJson(rows)],
  );
  return result.rowCount ?? 0;
}

/** Inserts the events that are not stored yet; returns how many were new. */
export async function insertEvents(client: PoolClient, machineId: string, events: readonly PreparedEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = distinctRows(events.map(eventRow));
  await client.query("SAVEPOINT insert_events");
  try {
    await copyRows(client, machineId, rows);
    // The savepoint is left to the commit, which ends it too: releasing it here would cost a round trip.
    return rows.length;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query("ROLLBACK TO SAVEPOINT insert_events");
    return insertIdempotently(client, machineId, rows);
  }
}
