// Overload (issue #20): a replica admitting one agent request at once and queueing one more answers the rest
// at once with 503 `overloaded` and Retry-After, stores nothing for them, and stores each once it is sent again
// (as the agents do after Retry-After plus jitter): nothing is lost. Started the way users start a replica.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Replica, startReplica, stopReplica } from "./replica";
import { enrollMachine, envelope, fixture, sql } from "./helpers";

let replica: Replica | undefined;
let url = "";

beforeAll(async () => {
  replica = await startReplica({
    KMSWATCH_AGENT_CONCURRENCY: "1",
    KMSWATCH_AGENT_QUEUE: "1",
    KMSWATCH_AGENT_QUEUE_WAIT_MS: "60000",
    KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS: "7",
  });
  url = replica.url;
}, 150_000);

afterAll(() => stopReplica(replica));

const checkin = async (token: string, body: string) => {
  const response = await fetch(`${url}/api/v1/ingest`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as unknown };
};

describe("admission control", () => {
  it("refuses what it cannot admit with 503 + Retry-After, stores nothing for it, and loses nothing on retry", async () => {
    const agents = await Promise.all(Array.from({ length: 12 }, () => enrollMachine("ADM")));
    const body = JSON.stringify(envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }]));
    const answers = await Promise.all(agents.map((a) => checkin(a.token, body)));
    const refused = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    for (const r of refused) {
      expect(r.retryAfter).toBe("7");
      expect(r.body).toMatchObject({ error: { code: "overloaded", path: null } });
    }
    const batches = async () =>
      (
        await sql<{ n: number }>(
          "SELECT count(*)::int AS n FROM ingest_batch b JOIN machine m ON m.id = b.machine_id WHERE m.fqdn = ANY($1)",
          [agents.map((a) => a.fqdn)],
        )
      )[0]?.n;
    // Refused requests stored nothing.
    expect(await batches()).toBe(answers.length - refused.length);
    // The agents send them again (one at a time here): each is stored once, none lost.
    for (const [i, a] of answers.entries()) {
      const agent = agents[i];
      if (a.status === 503 && agent) expect((await checkin(agent.token, body)).status).toBe(200);
    }
    expect(await batches()).toBe(agents.length);
  });
});
