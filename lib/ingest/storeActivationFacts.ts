// Rewrites a machine's activation facts row (latest request, response, renewal and probe: see the migration
// 20261126070000_machine_activation_facts) from machine_activation_facts_live, the view that reads them from the
// stored events and probes. Called in the batch's transaction after its bookkeeping has locked the machine
// row: of two concurrent batches of one machine, the later one waits, then reads the other's committed events
// and writes last, so the row always holds every event stored.
import type { PoolClient } from "pg";

const COLUMNS = [
  "request_at",
  "request_hresult",
  "request_host",
  "request_port",
  "request_answered",
  "response_at",
  "response_hresult",
  "response_activated",
  "response_host_count",
  "response_min_count",
  "renewal_at",
  "probe_at",
  "probe_srv_found",
  "probe_tcp_ok",
  "probe_host",
  "probe_port",
];

export async function refreshActivationFacts(client: PoolClient, machineId: string): Promise<void> {
  await client.query(
    `INSERT INTO machine_activation_facts (machine_id, ${COLUMNS.join(", ")})
     SELECT machine_id, ${COLUMNS.join(", ")} FROM machine_activation_facts_live WHERE machine_id = $1
     ON CONFLICT (machine_id) DO UPDATE SET (${COLUMNS.join(", ")}) = (${COLUMNS.map((c) => `EXCLUDED.${c}`).join(", ")})`,
    [machineId],
  );
}
