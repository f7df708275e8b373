// Small HTTP and SQL helpers shared by the integration tests.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, inject } from "vitest";
import { forecastCount, reconstructCountSeries } from "../../lib/kms/countModel";
import type { HostCountTrend } from "../../lib/read/contract/hosts";
import { buildFleet } from "../../scripts/simulator/fleet";
import { simulate } from "../../scripts/simulator/engine";
import { pushFleet } from "../../scripts/simulate-push";
import type { Fleet, FleetOptions, SimulationResult } from "../../scripts/simulator/types";

import { SHARED_FIXTURES } from "../support/fixtures";
export { SHARED_FIXTURES };

export function fixture(...parts: string[]): string {
  return readFileSync(path.join(SHARED_FIXTURES, ...parts), "utf8");
}
export function fixtureNames(dir: string, suffix: string): string[] {
  return readdirSync(path.join(SHARED_FIXTURES, dir))
    .filter((name) => name.endsWith(suffix))
    .sort();
}

export type ApiAnswer<T = Record<string, unknown>> = { status: number; body: T };

/**
 * Simulates a fleet up to now and pushes it through the real agent API; every check-in must be accepted.
 * `domain` moves the estate under a domain of its own, so it never mixes with other test files' simulated machines.
 */
export async function pushSimulatedFleet(options: Omit<FleetOptions, "end">, domain?: string): Promise<SimulationResult> {
  const built = buildFleet({ ...options, end: Date.now() });
  const fleet = domain ? (JSON.parse(JSON.stringify(built).replace(/contoso\.com/gi, domain)) as Fleet) : built;
  const simulation = simulate(fleet);
  const summary = await pushFleet({ server: inject("baseUrl"), enrollSecret: inject("enrollSecret"), simulation, concurrency: 6 });
  expect(summary.rejected).toBe(0);
  return simulation;
}

export async function post<T = Record<string, unknown>>(
  route: string,
  body: unknown,
  token?: string,
  rawBody?: string,
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${inject("baseUrl")}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: rawBody ?? JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Enrolls a fresh machine with a unique name and returns its token, FQDN and installation key. */
export async function enrollMachine(prefix = "WS"): Promise<{ token: string; agentId: string; fqdn: string; installationKey: string }> {
  const hostname = `${prefix}-${randomUUID().slice(0, 8)}`;
  const fqdn = `${hostname}.corp.contoso.com`;
  const installationKey = `install-${randomUUID()}`;
  const answer = await post<{ token: string; agentId: string }>("/api/v1/enroll", {
    enrollSecret: inject("enrollSecret"),
    hostname,
    fqdn,
    installationKey,
  });
  if (answer.status !== 201) throw new Error(`enroll failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...answer.body, fqdn: fqdn.toLowerCase(), installationKey };
}

/** KMS01's Key Management Service log (several events) as an agent's events artifact. */
export const multiLog = () => ({
  type: "events",
  log: "Key Management Service",
  xml: fixture("events", "host-kms01-keymanagementservice-log.multi.xml"),
});

export function envelope(artifacts: unknown[], collectedAt = new Date().toISOString()) {
  return { collectedAt, agentVersion: "test-1.0", artifacts };
}

export async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The one row a query must return (a count, a lookup by key); fails the test naming the query otherwise. */
export async function sqlOne<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R> {
  const [row] = await sql<R>(text, values);
  if (!row) throw new Error(`query returned no row: ${text.slice(0, 120)}`);
  return row;
}

export async function countFor(table: string, fqdn: string): Promise<number> {
  const rows = await sql<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${table} t JOIN machine m ON m.id = t.machine_id WHERE m.fqdn = $1`,
    [fqdn],
  );
  return Number(rows[0]!.n);
}

/** Ingest requests a machine's agents got acknowledged: stored batches plus unchanged check-ins (counted, not stored). */
export async function checkinsFor(fqdn: string): Promise<number> {
  const rows = await sql<{ n: string }>(
    `SELECT ((SELECT count(*) FROM ingest_batch b WHERE b.machine_id = m.id)
           + (SELECT coalesce(sum(unchanged_checkins), 0) FROM agent a WHERE a.machine_id = m.id))::text AS n
       FROM machine m WHERE m.fqdn = $1`,
    [fqdn],
  );
  return Number(rows[0]?.n ?? 0);
}

/** A dashboard API call with a session cookie and an optional JSON body; an empty answer reads as {}. */
export async function callApi<T = Record<string, unknown>>(
  method: string,
  route: string,
  cookie: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${inject("baseUrl")}${route}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Signs in as the seeded admin and returns the session cookie to send with dashboard requests. */
export async function signIn(credentials = inject("admin")): Promise<string> {
  const response = await fetch(`${inject("baseUrl")}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error("sign-in set no cookie");
  return cookie.split(";")[0]!;
}

export async function getJson<T = Record<string, unknown>>(route: string, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
  const response = await fetch(`${inject("baseUrl")}${route}`, { headers, redirect: "manual" });
  const text = await response.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body: body as T };
}

/** License states whose count kept by the triggers (license_state_delta) differs from a count of the current states. */
export async function licenseCountMismatches() {
  // A null state (unknown) is its own group on both sides.
  return sql<{ license_status: string; counted: number | null; actual: number | null }>(
    `SELECT coalesce(d.state, s.state) AS license_status, d.n AS counted, s.n AS actual
       FROM (SELECT coalesce(license_status, '(null)') AS state, sum(machines)::int AS n FROM license_state_delta
              GROUP BY 1 HAVING sum(machines) <> 0) d
       FULL JOIN (SELECT coalesce(license_status, '(null)') AS state, count(*)::int AS n FROM machine_windows_state GROUP BY 1) s
         ON s.state = d.state
      WHERE d.n IS DISTINCT FROM s.n`,
  );
}

/** Fetches a host's trend and checks its rebuilt counts and forecast against the count model over every request. */
export async function expectTrendMatchesModel(hostId: string, range: string, cookie: string): Promise<ApiAnswer<HostCountTrend>> {
  const answer = await getJson<HostCountTrend>(`/api/dashboard/hosts/${hostId}/trend?range=${range}`, { cookie });
  const rows = await sql<{ at: Date; cmid: string; min_count: number | null; hresult: string | null }>(
    "SELECT time_created AS at, cmid, min_count, hresult FROM activation_event WHERE machine_id = $1 AND event_id = 12290 AND cmid IS NOT NULL",
    [hostId],
  );
  const requests = rows.map((r) => ({ at: r.at, cmid: r.cmid, minCount: r.min_count, hresult: r.hresult }));
  const { body } = answer;
  const points = body.reconstructed.map((p) => new Date(p.at));
  expect(body.reconstructed.map((p) => p.count)).toEqual(reconstructCountSeries(requests, points).map((p) => p.count));
  const forecast = forecastCount(requests, new Date(body.forecast[0]!.at));
  expect({ points: body.forecast, crossesBelow: body.crossesBelow, serverOnly: body.serverOnly }).toEqual({
    points: forecast.points,
    crossesBelow: forecast.crossesBelow,
    serverOnly: forecast.serverOnly,
  });
  return answer;
}
