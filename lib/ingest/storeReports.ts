// Keeps each machine's latest TPM / OSLicense report per kind; an older collection never overwrites a newer one.
import type { PoolClient } from "pg";
import type { PreparedReport } from "@/lib/ingest/prepare";
import { storableRowsJson, storableText } from "@/lib/ingest/json";

export async function storeReports(client: PoolClient, machineId: string, collectedAt: Date, reports: readonly PreparedReport[]) {
  if (reports.length === 0) return;
  // One row per kind: a batch naming a kind twice keeps its last answer.
  const byKind = new Map(reports.map((r) => [r.kind, r]));
  const rows = [...byKind.values()].map((r) => ({
    kind: r.kind,
    body: JSON.stringify(r.body, (_key, value: unknown) => (typeof value === "string" ? storableText(value) : value)),
    error: r.error,
  }));
  await client.query(
    `INSERT INTO machine_report (machine_id, kind, collected_at, body, error)
     SELECT $1, t.kind, $2, t.body::jsonb, t.error FROM json_to_recordset($3::json) AS t(kind text, body text, error text)
     ON CONFLICT (machine_id, kind) DO UPDATE SET collected_at = excluded.collected_at, body = excluded.body,
       error = excluded.error, updated_at = now()
     WHERE machine_report.collected_at <= excluded.collected_at`,
    [machineId, collectedAt, storableRowsJson(rows)],
  );
}
