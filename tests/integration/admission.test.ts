// Overload (issue #20): a replica admitting one agent request at once and queueing one more answers the rest
// at once with 503 `overloaded` and Retry-After, stores nothing for them, and stores each once it is sent again
// (as the agents do after Retry-After plus jitter): nothing is lost. Started the way users start a replica.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { ROOT } from "../../scripts/lib/app.ts";
import { enrollMachine, envelope, fixture, sql } from "./helpers";

let child: ChildProcess | undefined;
let url = "";

beforeAll(async () => {
  const port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts"), "start"], {
    cwd: ROOT,
    detached: true,
    stdio: "ignore",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: inject("databaseUrl"),
      KMSWATCH_SESSION_SECRET: inject("sessionSecret"),
      KMSWATCH_ENROLL_SECRET: inject("enrollSecret"),
      KMSWATCH_AGENT_CONCURRENCY: "1",
      KMSWATCH_AGENT_QUEUE: "1",
      KMSWATCH_AGENT_QUEUE_WAIT_MS: "60000",
      KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS: "7",
    },
  });
  url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the replica did not become healthy");
}, 150_000);

afterAll(() => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
});

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
