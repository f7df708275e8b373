// Overload (issue #20): a replica admitting one agent request at once and queueing one more answers the rest
// at once with 503 `overloaded` and Retry-After, stores nothing for them, and stores each once it is sent again
// (as the agents do after Retry-After plus jitter): nothing is lost. Started the way users start a replica.
// The count is kept at the server's door (scripts/lib/front-server.mjs), before Next.js: check-ins still
// sending their body hold their place, one that goes away gives it back.
import http from "node:http";
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
  const { headers } = response;
  const security = {
    csp: headers.get("content-security-policy"),
    frames: headers.get("x-frame-options"),
    sniff: headers.get("x-content-type-options"),
  };
  return { status: response.status, retryAfter: headers.get("retry-after"), security, body: (await response.json()) as unknown };
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

  it("answers at the door while the admitted check-ins are still sending, and gives their places back when they go away", async () => {
    const agent = await enrollMachine("ADM");
    const body = JSON.stringify(envelope([{ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") }]));
    // Two check-ins (the 1 running + 1 queued admitted) that send half their body and hold on, one after the other.
    const held: http.ClientRequest[] = [];
    const answeredEarly: number[] = [];
    for (let n = 0; n < 2; n++) {
      const request = http.request(`${url}/api/v1/ingest`, {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": String(body.length), authorization: `Bearer ${agent.token}` },
      });
      request.on("error", () => undefined);
      request.on("response", (answer) => answeredEarly.push(answer.statusCode ?? 0));
      request.write(body.slice(0, body.length / 2));
      await new Promise((resolve) => request.once("socket", (socket) => socket.once("connect", resolve)));
      held.push(request);
    }
    // The server reads what they sent before the next one comes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Once both are counted, every further check-in is refused at once, without reaching the route.
    let refusal = await checkin(agent.token, body);
    for (const deadline = Date.now() + 10_000; refusal.status !== 503 && Date.now() < deadline; )
      refusal = await checkin(agent.token, body);
    expect(refusal.status).toBe(503);
    expect(refusal.retryAfter).toBe("7");
    expect(refusal.body).toMatchObject({ error: { code: "overloaded", message: expect.stringContaining("at capacity"), path: null } });
    // Refused before Next.js, it still carries the headers every answer carries.
    expect(refusal.security).toEqual({ csp: expect.stringContaining("frame-ancestors 'none'"), frames: "DENY", sniff: "nosniff" });
    // Only check-ins are counted: the rest of the server answers as usual.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    // The held check-ins go away (an agent that lost its connection): their places are given back.
    for (const request of held) request.destroy();
    let after = await checkin(agent.token, body);
    for (const deadline = Date.now() + 10_000; after.status !== 200 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await checkin(agent.token, body);
    }
    expect(after.status).toBe(200);
  });
});
