// Before the dashboard is measured: one day of the writes a live fleet makes to the rows the fill left vacuumed.
// Every machine checks in hourly (its machine, agent and current snapshot_seen rows are rewritten), a seventh of the
// clients renew each day (their host_served_client, cmid_sighting and machine_activation_facts rows). The values stay
// the same, so every answer does too; what changes is the pages: a vacuumed table answers index-only counts from the
// index alone, a live one sends them to the heap for every row on a page written since the last vacuum (bench run
// 2026-12-05-1923: the host audit's p95 101 ms from 100,000 heap fetches, invisible on a freshly vacuumed fill).
import type { BenchContext } from "./context";
import { log } from "./util";

const DAILY_RENEWAL_SHARE = 1 / 7;

const STATEMENTS: [table: string, sql: string][] = [
  ["machine", `UPDATE machine SET last_seen_at = last_seen_at`],
  ["agent", `UPDATE agent SET last_seen_at = last_seen_at`],
  [
    "snapshot_seen",
    `UPDATE snapshot_seen seen SET last_seen_at = seen.last_seen_at FROM machine_windows_state ws WHERE seen.snapshot_id = ws.snapshot_id`,
  ],
  ["host_served_client", `UPDATE host_served_client SET last_request_at = last_request_at WHERE random() < ${DAILY_RENEWAL_SHARE}`],
  ["cmid_sighting", `UPDATE cmid_sighting SET last_seen_at = last_seen_at WHERE random() < ${DAILY_RENEWAL_SHARE}`],
  ["machine_activation_facts", `UPDATE machine_activation_facts SET request_at = request_at WHERE random() < ${DAILY_RENEWAL_SHARE}`],
];

/** Rows rewritten per table. */
export async function churnOneDay(ctx: BenchContext): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const [table, sql] of STATEMENTS) rows[table] = (await ctx.pool.query(sql)).rowCount ?? 0;
  log(
    `dashboard: a day of a live fleet's rewrites first (${Object.entries(rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")})`,
  );
  return rows;
}
