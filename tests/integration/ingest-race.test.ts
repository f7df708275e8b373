// Events are COPY'd straight away; a batch meeting events already stored, or stored meanwhile by a concurrent
// request, must neither duplicate them nor fail (lib/ingest/storeEvents.ts).
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { prepareBatch } from "../../lib/ingest/prepare";
import { insertEvents } from "../../lib/ingest/storeEvents";
import { enrollMachine, envelope, fixture, post, sql } from "./helpers";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
afterAll(() => pool.end());

const multiLog = () => ({ type: "events", log: "Key Management Service", xml: fixture("events", "host-kms01-keymanagementservice-log.multi.xml") });

describe("storing the same events concurrently", () => {
  it("a COPY that meets events committed meanwhile falls back to the idempotent insert", async () => {
    const [machine] = await sql<{ id: string }>(
      "INSERT INTO machine (id, fqdn, hostname, role) VALUES (gen_random_uuid(), 'race-kms.contoso.com', 'RACE-KMS', 'kms_host') RETURNING id",
    );
    const events = prepareBatch({ agentVersion: "1", collectedAt: new Date().toISOString(), artifacts: [multiLog()] }).events;
    expect(events.length).toBeGreaterThan(2);
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      // The first request has stored one event but not committed when the second starts its COPY.
      await first.query("BEGIN");
      expect(await insertEvents(first, machine.id, events.slice(0, 1))).toBe(1);
      await second.query("BEGIN");
      const pending = insertEvents(second, machine.id, events);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.query("COMMIT");
      expect(await pending).toBe(events.length - 1);
      await second.query("COMMIT");
    } finally {
      first.release();
      second.release();
    }
    const [stored] = await sql<{ n: number; distinct: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT (log, record_id))::int AS distinct FROM activation_event WHERE machine_id = $1",
      [machine.id],
    );
    expect(stored).toEqual({ n: events.length, distinct: events.length });
  });

  it("the same batch posted four times at once is stored once and accepted once", async () => {
    const agent = await enrollMachine("RACE");
    const body = envelope([multiLog()]);
    const answers = await Promise.all([1, 2, 3, 4].map(() => post<{ accepted: number; duplicates: number }>("/api/v1/ingest", body, agent.token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const accepted = answers.reduce((n, a) => n + a.body.accepted, 0);
    const [stored] = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = $1",
      [agent.fqdn],
    );
    expect(stored.n).toBeGreaterThan(2);
    expect(accepted).toBe(stored.n);
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(3 * stored.n);
  });
});
