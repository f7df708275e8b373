// Events are COPY'd straight away; a batch meeting events already stored, or stored meanwhile by a concurrent
// request, must neither duplicate them nor fail (lib/ingest/storeEvents.ts).
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { prepareBatch } from "../../lib/ingest/prepare";
import { insertEvents } from "../../lib/ingest/storeEvents";
import { renderEvents } from "../../scripts/simulator/renderEvents";
import { ACT_ID_WIN_ENTERPRISE, LS } from "../../scripts/simulator/constants";
import type { Event12288, Event12289 } from "../../scripts/simulator/types";
import { enrollMachine, envelope, fixture, multiLog, post, sqlOne } from "./helpers";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 4 });
afterAll(() => pool.end());

const cimArtifacts = () => [
  {
    type: "cim",
    service: JSON.parse(fixture("cim", "ws-fin-0142-client.SoftwareLicensingService.json")),
    products: [JSON.parse(fixture("cim", "ws-fin-0142-client.SoftwareLicensingProduct.json"))],
  },
];

describe("storing the same events concurrently", () => {
  it("a COPY that meets events committed meanwhile falls back to the idempotent insert", async () => {
    const machine = await sqlOne<{ id: string }>(
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
    const stored = await sqlOne<{ n: number; distinct: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT (log, record_id))::int AS distinct FROM activation_event WHERE machine_id = $1",
      [machine.id],
    );
    expect(stored).toEqual({ n: events.length, distinct: events.length });
  });

  it("the same batch posted four times at once is stored once and accepted once", async () => {
    const agent = await enrollMachine("RACE");
    const body = envelope([multiLog()]);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => post<{ accepted: number; duplicates: number }>("/api/v1/ingest", body, agent.token)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const accepted = answers.reduce((n, a) => n + a.body.accepted, 0);
    const stored = await sqlOne<{ n: number }>(
      "SELECT count(*)::int AS n FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = $1",
      [agent.fqdn],
    );
    expect(stored.n).toBeGreaterThan(2);
    expect(accepted).toBe(stored.n);
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(3 * stored.n);
  });

  it("a check-in posted four times at once (an agent resending on a timeout) stores its snapshots once", async () => {
    const agent = await enrollMachine("RACESNAP");
    const checkin = envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }, ...cimArtifacts()]);
    const answers = await Promise.all([1, 2, 3, 4].map(() => post<{ accepted: number }>("/api/v1/ingest", checkin, agent.token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const stored = await sqlOne<{ snapshots: number; sources: number }>(
      `SELECT count(*)::int AS snapshots, count(DISTINCT (source, product_key))::int AS sources
         FROM snapshot s JOIN machine m ON m.id = s.machine_id WHERE m.fqdn = $1`,
      [agent.fqdn],
    );
    expect(stored.sources).toBeGreaterThan(1);
    expect(stored.snapshots).toBe(stored.sources);
  });

  it("concurrent batches of one client leave its activation facts equal to every event stored", async () => {
    const agent = await enrollMachine("RACEFACTS");
    const start = Date.now() - 3 * 86_400_000;
    // Each batch: a renewal request and its answer, later in time than the batch before it.
    const batch = (n: number) => {
      const at = start + n * 3_600_000;
      const request: Event12288 = {
        eventId: 12288,
        recordId: 2 * n + 1,
        time: at,
        ticks: n,
        computer: agent.fqdn,
        hr: 0,
        status: 0,
        server: "kms01.contoso.com",
        port: 1688,
        cmid: "0f4e5e55-6a5b-4b8f-9a44-2f2c1d0e9a11",
        clientTime: at,
        isVm: false,
        licenseStatus: LS.Licensed,
        minutesToExpiry: 250_000,
        actId: ACT_ID_WIN_ENTERPRISE,
        minCount: 25,
      };
      const response: Event12289 = {
        eventId: 12289,
        recordId: 2 * n + 2,
        time: at + 1_000,
        ticks: n,
        computer: agent.fqdn,
        hr: n % 2 === 0 ? 0 : 0xc004f038,
        status: 0,
        activated: n % 2 === 0,
        count: 30 + n,
        activationInterval: 120,
        renewalInterval: 10_080,
        clientTime: at,
      };
      return envelope([{ type: "events", log: "Application", xml: renderEvents([request, response]) }]);
    };
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        [0, 1, 2, 3].map((i) => post<{ accepted: number }>("/api/v1/ingest", batch(round * 4 + i), agent.token)),
      );
      expect(answers.map((a) => [a.status, a.body.accepted])).toEqual([
        [200, 2],
        [200, 2],
        [200, 2],
        [200, 2],
      ]);
    }
    const stored = await sqlOne<{ facts: Record<string, unknown> | null; live: Record<string, unknown> }>(
      `SELECT (SELECT to_jsonb(f) FROM machine_activation_facts f WHERE f.machine_id = m.id) AS facts,
              (SELECT to_jsonb(v) FROM machine_activation_facts_live v WHERE v.machine_id = m.id) AS live
         FROM machine m WHERE m.fqdn = $1`,
      [agent.fqdn],
    );
    expect(stored.live).toMatchObject({ request_answered: true, response_host_count: 41, response_min_count: 25 });
    expect(stored.facts).toEqual(stored.live);
  });
});
