// Clients per current Windows license status ("unknown" when no product was reported yet).
import { db } from "@/lib/db";
import { latestWindowsSnapshots } from "@/lib/queries/shared";

export async function getClientLicenseMetrics() {
  const rows = await db().$queryRaw<{ status: string; clients: number }[]>`
    SELECT coalesce(l.license_status, 'unknown') AS status, count(*)::int AS clients
      FROM machine m LEFT JOIN ${latestWindowsSnapshots} l ON l.machine_id = m.id
     WHERE m.role = 'client'
     GROUP BY 1 ORDER BY 1`;
  return rows;
}
