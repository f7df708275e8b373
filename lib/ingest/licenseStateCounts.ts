// Machines per license state, kept as deltas by triggers on machine_windows_state (see the migration
// 20261125110000_license_state_counts): folded here, summed by the overview.
import { dbPool } from "@/lib/core/db";

/**
 * Replaces the deltas with one row per state. The DELETE sees one snapshot: deltas committed meanwhile stay
 * for the next fold, and a concurrent fold waits on the rows this one deletes, so nothing is counted twice.
 */
export async function foldLicenseStateDeltas(): Promise<void> {
  await dbPool().query(
    `WITH folded AS (DELETE FROM license_state_delta RETURNING license_status, machines)
     INSERT INTO license_state_delta (license_status, machines)
     SELECT license_status, sum(machines) FROM folded GROUP BY license_status HAVING sum(machines) <> 0`,
  );
}
