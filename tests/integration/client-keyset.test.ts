// Keyset paging of the client list in every order (issue #20): walking the whole list forwards by `after` and
// backwards by `before` (from `last=1`) gives exactly the pages OFFSET gives (no row missing, none twice), across
// missing values (NULLS LAST) and ties in the sort value (broken by name); a bad cursor is a 400, never a 500.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { encodeClientCursor } from "../../lib/read/clients/clientCursor";
import { CLIENT_SORT_KEYS } from "../../lib/read/clients/clientFilters";
import { callApi, getJson, pushSimulatedFleet, signIn, sql, sqlOne } from "./helpers";

type Page = { total: number; page: number; nextCursor: string | null; prevCursor: string | null; rows: { fqdn: string }[] };
const DOMAIN = "keyset-contoso.com";
const PAGE_SIZE = 7;
let cookie = "";

const list = async (sort: string, paging = "") => {
  const answer = await getJson<Page>(`/api/dashboard/clients?q=${DOMAIN}&pageSize=${PAGE_SIZE}&sort=${sort}&${paging}`, { cookie });
  expect(answer.status, `${sort} ${paging}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);
  return answer.body;
};
const names = (page: Page) => page.rows.map((r) => r.fqdn);
const cursorOf = (json: unknown) => Buffer.from(JSON.stringify(json), "utf8").toString("base64url");

beforeAll(async () => {
  await pushSimulatedFleet({ hosts: 1, clients: 36, days: 5, seed: 57, scenarios: ["healthy", "duplicate-cmid", "mak-clients"] }, DOMAIN);
  cookie = await signIn();
  // Open the scenarios' alerts, so the worst-finding order has values, ties and missing values.
  expect((await callApi("POST", "/api/dashboard/alerts/evaluate", cookie)).status).toBe(200);
  // Clients that never sent a state (every column of theirs missing), two check-in times shared by six each (ties).
  await sql(
    `INSERT INTO machine (id, fqdn, hostname, role, last_seen_at)
     SELECT gen_random_uuid(), 'bare-' || lpad(i::text, 2, '0') || '.${DOMAIN}', 'BARE-' || i, 'client',
            timestamptz '2026-11-01 08:00:00.123+00' + (i % 2) * interval '1 hour'
       FROM generate_series(1, 12) AS i ON CONFLICT (fqdn) DO NOTHING`,
  );
});

describe("client list keyset paging", () => {
  it("has missing values and ties to page across", async () => {
    const spread = await sqlOne<{ clients: number; no_state: number; expires_null: number; channel_ties: number; check_in_ties: number }>(
      `SELECT count(*)::int AS clients, count(*) FILTER (WHERE ws.machine_id IS NULL)::int AS no_state,
              count(*) FILTER (WHERE ws.expires_at IS NULL)::int AS expires_null,
              (count(ws.channel) - count(DISTINCT ws.channel))::int AS channel_ties,
              (count(*) - count(DISTINCT m.last_seen_at))::int AS check_in_ties
         FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
        WHERE m.role = 'client' AND m.fqdn LIKE '%.${DOMAIN}'`,
    );
    expect(spread.clients).toBeGreaterThan(4 * PAGE_SIZE);
    expect(spread.no_state).toBe(12);
    expect(spread.expires_null).toBeGreaterThan(spread.no_state);
    expect(spread.channel_ties).toBeGreaterThan(10);
    expect(spread.check_in_ties).toBeGreaterThanOrEqual(10);
    const worst = await sql(
      `SELECT DISTINCT a.severity FROM alert a JOIN machine m ON m.id = a.machine_id
        WHERE a.state <> 'resolved' AND m.fqdn LIKE '%.${DOMAIN}' AND m.role = 'client'`,
    );
    expect(worst.length).toBeGreaterThan(0);
  });

  const sorts = CLIENT_SORT_KEYS.flatMap((key) => [key, `-${key}`]);
  it.each(sorts)("sort=%s: forwards by after and backwards by before give OFFSET's pages", async (sort) => {
    const first = await list(sort);
    const pageCount = Math.ceil(first.total / PAGE_SIZE);
    const byOffset: string[][] = [names(first)];
    for (let page = 2; page <= pageCount; page++) byOffset.push(names(await list(sort, `page=${page}`)));
    const flat = byOffset.flat();
    expect(flat).toHaveLength(first.total);
    expect(new Set(flat).size).toBe(first.total);

    const forward: string[][] = [names(first)];
    expect(first.prevCursor).toBeNull();
    for (let page = first; page.nextCursor !== null; ) {
      page = await list(sort, `after=${page.nextCursor}&page=${forward.length + 1}`);
      expect(page.prevCursor, `page ${forward.length + 1} leads back`).not.toBeNull();
      forward.push(names(page));
    }
    expect(forward).toEqual(byOffset);

    const last = await list(sort, "last=1");
    expect([last.page, last.nextCursor]).toEqual([pageCount, null]);
    const backward: string[][] = [names(last)];
    for (let page = last; page.prevCursor !== null; ) {
      page = await list(sort, `before=${page.prevCursor}&page=${pageCount - backward.length}`);
      expect(page.nextCursor, `page ${pageCount - backward.length} leads on`).not.toBeNull();
      backward.unshift(names(page));
    }
    expect(backward).toEqual(byOffset);
  });

  it("orders missing values last and ties by name, as PostgreSQL sorts them", async () => {
    const pages: string[] = [];
    for (let page = await list("-expires"); ; page = await list("-expires", `after=${page.nextCursor}`)) {
      pages.push(...names(page));
      if (page.nextCursor === null) break;
    }
    const expected = await sql<{ fqdn: string }>(
      `SELECT m.fqdn FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
        WHERE m.role = 'client' AND m.fqdn LIKE '%.${DOMAIN}' ORDER BY ws.expires_at DESC NULLS LAST, m.fqdn`,
    );
    expect(pages).toEqual(expected.map((r) => r.fqdn));
    // The clients without a state sit among those without an expiry, at the end, in name order.
    expect(pages.indexOf(`bare-01.${DOMAIN}`)).toBeGreaterThanOrEqual(
      pages.length -
        (
          await sqlOne<{ n: number }>(
            `SELECT count(*)::int AS n FROM machine m LEFT JOIN machine_windows_state ws ON ws.machine_id = m.id
        WHERE m.role = 'client' AND m.fqdn LIKE '%.${DOMAIN}' AND ws.expires_at IS NULL`,
          )
        ).n,
    );
  });

  it("pages from a cursor built from a row as the bench builds it (bench/dashboard.ts) like from the API's own", async () => {
    const first = await list("-lastCheckIn");
    const [row] = await sql<{ fqdn: string; last_seen_at: Date }>(
      `SELECT fqdn, last_seen_at FROM machine WHERE role = 'client' AND fqdn LIKE '%.${DOMAIN}'
        ORDER BY last_seen_at DESC NULLS LAST, fqdn OFFSET $1 LIMIT 1`,
      [PAGE_SIZE - 1],
    );
    const built = encodeClientCursor({ sort: "-lastCheckIn", value: row?.last_seen_at.toISOString() ?? null, fqdn: row?.fqdn ?? "" });
    expect(built).toBe(first.nextCursor);
    expect(names(await list("-lastCheckIn", `after=${built}&page=2`))).toEqual(names(await list("-lastCheckIn", "page=2")));
  });

  it("answers an empty page with no cursors past the end (a stale cursor), and the CSV export still lists every row", async () => {
    const last = await list("lastCheckIn", "last=1");
    const tail = last.rows.at(-1)?.fqdn ?? "";
    const pastEnd = await list("lastCheckIn", `after=${cursorOf({ s: "lastCheckIn", v: null, f: tail })}`);
    expect(pastEnd).toMatchObject({ rows: [], nextCursor: null, prevCursor: null, total: last.total });
    const csv = await fetch(`${inject("baseUrl")}/api/dashboard/export/clients.csv?q=${DOMAIN}`, {
      headers: { cookie },
    });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(last.total + 1);
  });

  it("refuses a damaged, forged or misplaced cursor with a 400 in the JSON error shape", async () => {
    const fqdnCursor = (await list("fqdn")).nextCursor;
    const refused = [
      ["after=not%20a%20cursor", "after"],
      ["before=%24%24%24", "before"],
      [`after=${cursorOf({ s: "-lastCheckIn", v: "yesterday", f: "x" })}&sort=-lastCheckIn`, "after"],
      [`after=${cursorOf({ s: "worst", v: "0; DROP TABLE machine", f: "x" })}&sort=worst`, "after"],
      [`after=${fqdnCursor}&sort=-expires`, "after"],
      [`after=${fqdnCursor}&before=${fqdnCursor}`, "before"],
      [`after=${fqdnCursor}&last=1`, "last"],
      ["last=true", "last"],
    ] as const;
    for (const [query, path] of refused) {
      const answer = await getJson(`/api/dashboard/clients?${query}`, { cookie });
      expect(answer, query).toMatchObject({ status: 400, body: { error: { code: "invalid_request", path } } });
    }
    // A well-formed value is a parameter, never SQL: text that looks like SQL just pages from where it sorts.
    const odd = await list("edition", `after=${cursorOf({ s: "edition", v: "'; DROP TABLE machine; --", f: "x" })}`);
    expect(odd.rows.length).toBeGreaterThan(0);
  });
});
