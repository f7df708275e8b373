// A big host's count trend is decided by each window's latest requests (lib/kms/countSample.ts); a host whose
// latest requests cannot decide falls back to every request. Both must equal the count model over every
// request. The requests are written straight into activation_event: this checks the read path, not ingest.
import { beforeAll, describe, expect, it } from "vitest";
import { COUNT_CAP } from "../../lib/kms/countModel";
import type { HostCountTrend } from "../../lib/read/hosts/getHostCountTrend";
import { expectTrendMatchesModel, signIn, sql, sqlOne } from "./helpers";

let cookie = "";

/** A host with `clients` CMIDs renewing every 7 days for 60 days, and `retrying` CMIDs failing every 2 hours. */
async function hostWithRequests(name: string, clients: number, retrying: number): Promise<string> {
  const host = await sqlOne<{ id: string }>(
    "INSERT INTO machine (id, fqdn, hostname, role) VALUES (gen_random_uuid(), $1, $2, 'kms_host') RETURNING id",
    [`${name}.trend.contoso.com`, name.toUpperCase()],
  );
  // Every 10th client is a Windows Server (policy 5); every 25th request of a renewing client was refused for
  // clock skew (not counted); the retrying clients are refused for a count too low (counted).
  await sql(
    `INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, cmid, min_count, hresult, client_fqdn, raw_xml)
     SELECT $1::uuid, 'Application', row_number() OVER (), 12290, t, c.cmid, c.policy, c.hresult, c.fqdn, '<Event/>'
       FROM (SELECT format('%s-0000-4000-8000-%s', lpad(i::text, 8, '0'), lpad(i::text, 12, '0')) AS cmid,
                    CASE WHEN i % 10 = 0 THEN 5 ELSE 25 END AS policy, 'ws' || i || '.contoso.com' AS fqdn, i,
                    CASE WHEN i % 25 = 0 THEN '0xC004F06C' ELSE '0x00000000' END AS hresult
               FROM generate_series(1, $2::int) AS i) c
      CROSS JOIN LATERAL generate_series(now() - interval '60 days' + c.i * interval '37 minutes', now(), interval '7 days') AS t
     UNION ALL
     SELECT $1::uuid, 'Application', 1000000 + row_number() OVER (), 12290, t, format('ffffffff-0000-4000-8000-%s', lpad(r::text, 12, '0')), 25,
            '0xC004F038', 'retry' || r || '.contoso.com', '<Event/>'
       FROM generate_series(1, $3::int) AS r
      CROSS JOIN LATERAL generate_series(now() - interval '20 days' + r * interval '5 minutes', now(), interval '2 hours') AS t`,
    [host.id, clients, retrying],
  );
  return host.id;
}

async function trendMatchingModel(hostId: string, range: string): Promise<HostCountTrend> {
  const { status, body } = await expectTrendMatchesModel(hostId, range, cookie);
  expect(status).toBe(200);
  return body;
}

beforeAll(async () => {
  cookie = await signIn();
});

describe("a host's count trend from its latest requests", () => {
  it("a host with hundreds of clients is decided at the cap and equals the model", async () => {
    const host = await hostWithRequests("kms-big", 400, 0);
    for (const range of ["7d", "30d", "90d"]) {
      const body = await trendMatchingModel(host, range);
      // 400 clients renewing weekly: every point of the last 30 days is at the cap, and so is the forecast.
      expect(body.reconstructed.slice(-7).every((p) => p.count === COUNT_CAP)).toBe(true);
      expect(body.forecast.every((p) => p.count === COUNT_CAP)).toBe(true);
    }
  });

  it("a few clients retrying every 2 hours fill the latest requests: the whole window decides, and equals the model", async () => {
    const host = await hostWithRequests("kms-retry", 12, 20);
    for (const range of ["7d", "30d"]) {
      const body = await trendMatchingModel(host, range);
      expect(body.reconstructed.at(-1)!.count).toBe(12 + 20);
    }
  });

  it("requests older than a point's window stay out of its sample, even when the window holds few", async () => {
    const host = await hostWithRequests("kms-aged", 400, 0);
    // 300 clients 95 days ago, then none until the renewals start 60 days ago: the points of the 90-day range
    // whose window (30 days) ends before the renewals hold almost nothing, and the sample must not reach back.
    await sql(
      `INSERT INTO activation_event (machine_id, log, record_id, event_id, time_created, cmid, min_count, hresult, client_fqdn, raw_xml)
       SELECT $1::uuid, 'Application', 2000000 + i, 12290, now() - interval '95 days' + i * interval '1 minute',
              format('eeeeeeee-0000-4000-8000-%s', lpad(i::text, 12, '0')), 25, '0x00000000', 'old' || i || '.contoso.com', '<Event/>'
         FROM generate_series(1, 300) AS i`,
      [host],
    );
    const body = await trendMatchingModel(host, "90d");
    expect(body.reconstructed.some((p) => p.count < COUNT_CAP)).toBe(true);
  });

  it("a host with no requests has a zero count and a flat forecast", async () => {
    const host = await hostWithRequests("kms-empty", 0, 0);
    const body = await trendMatchingModel(host, "30d");
    expect(body.reconstructed.every((p) => p.count === 0)).toBe(true);
  });
});
