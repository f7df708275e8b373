// Clients per current Windows license status ("unknown" when no product was reported yet).
import "server-only";
import { db } from "@/lib/core/db";

export async function getClientLicenseMetrics() {
  // machine_windows_state is kept by ingest: one narrow row per machine, no per-machine snapshot probe.
  const rows = await db().$queryRaw<{ status: string; clients: number }[]>`
    SELECT coalesce(ws.license_status, 'unknown') AS status, count(*)::int AS clients
      FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
     WHERE m.role = 'client'
     GROUP BY 1 ORDER BY 1`;
  return rows;
}
