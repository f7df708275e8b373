// Inserts a batch's events idempotently on (machine, log, EventRecordID): the whole batch is one JSON
// parameter expanded by Postgres, so bulk speed costs one statement and no SQL is ever pasted together.
import type { PoolClient } from "pg";
import type { PreparedEvent } from "@/lib/ingest/prepare";
import { storableRowsJson } from "@/lib/ingest/json";
import { normalizeHostName } from "@/lib/kms/hostNames";

/** Inserts the events that are not stored yet; returns how many were new. */
export async function insertEvents(client: PoolClient, machineId: string, events: readonly PreparedEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map(({ log, event: e, raw }) => ({
    log, record_id: e.recordId, event_id: e.eventId, time_created: e.timeCreated, computer: e.computer, hresult: e.hresult,
    status: e.status, kms_host: normalizeHostName(e.kmsHost), kms_port: e.kmsPort, cmid: e.cmid?.toLowerCase() ?? null,
    client_time: e.clientTime, is_vm: e.isVm, license_status: e.licenseStatus, minutes_to_expiry: e.minutesToExpiry,
    activation_id: e.activationId, min_count: e.minCount, client_fqdn: e.clientFqdn?.toLowerCase() ?? null, activated: e.activated,
    host_current_count: e.hostCurrentCount, activation_interval_min: e.activationIntervalMin,
    renewal_interval_min: e.renewalIntervalMin, domain: e.domain, raw_xml: raw,
  }));
  const result = await client.query(
    `INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, computer, hresult, status,
       kms_host, kms_port, cmid, client_time, is_vm, license_status, minutes_to_expiry, activation_id, min_count,
       client_fqdn, activated, host_current_count, activation_interval_min, renewal_interval_min, domain, raw_xml)
     SELECT $1::uuid, * FROM json_to_recordset($2::json) AS t(
       log text, record_id bigint, event_id int, time_created timestamptz, computer text, hresult text, status text,
       kms_host text, kms_port int, cmid text, client_time timestamptz, is_vm boolean, license_status text,
       minutes_to_expiry int, activation_id text, min_count int, client_fqdn text, activated boolean,
       host_current_count int, activation_interval_min int, renewal_interval_min int, domain text, raw_xml text)
     ON CONFLICT (machine_id, log, record_id) DO NOTHING`,
    [machineId, storableRowsJson(rows)],
  );
  return result.rowCount ?? 0;
}
