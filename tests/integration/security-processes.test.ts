// Issue #17 items 9 and 10, with real processes: `npm start` (tsx scripts/serve.ts start) on its own embedded
// PostgreSQL. kill -9 of the postmaster: the app answers 503 with Retry-After, serve.ts restarts PostgreSQL with
// backoff and says so, and the app recovers with no operator and nothing lost. kill -9 of serve.ts itself: its
// children (next-server, PostgreSQL) die with it, and a second start on a held data directory or port says why not.
import { type ChildProcess, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROOT } from "../../scripts/lib/app.ts";
import { freePort, isAlive } from "../../scripts/lib/embedded-db.ts";
import { envelope, fixture } from "./helpers";
import { spawnServe } from "./replica";

type Serve = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

const scratch = (() => {
  mkdirSync(path.join(ROOT, ".kmswatch"), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, ".kmswatch", "test-proc-"));
  chmodSync(dir, 0o755); // the postgres user must be able to enter it
  return dir;
})();
const dataDir = path.join(scratch, "pg");
let port = 0;
let serve: Serve | undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startServe(onPort = port): Serve {
  // Its own process group, so the test can stop everything it started even when a check fails half-way.
  const serve = spawnServe(onPort, {
    KMSWATCH_DATA_DIR: dataDir,
    KMSWATCH_SESSION_SECRET: inject("sessionSecret"),
    KMSWATCH_ENROLL_SECRET: inject("enrollSecret"),
    KMSWATCH_COOKIE_SECURE: "true",
  });
  const exited = new Promise<number | null>((resolve) => serve.child.once("exit", (code) => resolve(code)));
  return { ...serve, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, output = () => ""): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}\n${output()}`);
}

const health = async (url: string) => {
  const response = await fetch(`${url}/api/health`);
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    hsts: response.headers.get("strict-transport-security"),
  };
};
const waitHealthy = (s: Serve) =>
  until("a healthy server", async () => ((await health(s.url)).status === 200 ? true : undefined), 120_000, s.output);
const postmasterPid = () => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
const childrenOf = (pid: number) =>
  execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)])
    .toString()
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((n) => n > 0);

async function postJson(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function storedBatches(fqdn: string): Promise<number> {
  const dbPort = /embedded PostgreSQL listening on 127\.0\.0\.1:(\d+)/.exec(serve?.output() ?? "")?.[1];
  const client = new pg.Client({ connectionString: `postgresql://kmswatch:kmswatch@127.0.0.1:${dbPort}/kmswatch` });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ingest_batch b JOIN machine m ON m.id = b.machine_id WHERE m.fqdn = $1",
      [fqdn],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

function stopGroup(s: Serve | undefined) {
  if (!s?.child.pid || s.child.exitCode !== null) return;
  try {
    process.kill(-s.child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

beforeAll(async () => {
  port = await freePort();
  serve = startServe();
  await waitHealthy(serve);
}, 180_000);

afterAll(async () => {
  stopGroup(serve);
  await serve?.exited;
  await sleep(500);
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

const fqdn = "outage-ws01.corp.contoso.com";
let token = "";

describe("9. a database outage survived with no operator", () => {
  it("answers 503 with Retry-After while PostgreSQL is down, restarts it, recovers, and loses nothing", async () => {
    const s = serve as Serve;
    expect((await health(s.url)).hsts).toMatch(/max-age=\d+/); // KMSWATCH_COOKIE_SECURE=true (item 5)
    const enrolled = await postJson(`${s.url}/api/v1/enroll`, { enrollSecret: inject("enrollSecret"), hostname: "OUTAGE-WS01", fqdn });
    expect(enrolled.status).toBe(201);
    token = String(enrolled.body.token);
    const dlv = fixture("dlv", "client-kms-licensed-dns.en-US.txt");
    expect((await postJson(`${s.url}/api/v1/ingest`, envelope([{ type: "dlv", text: dlv }]), token)).status).toBe(200);

    const killed = postmasterPid();
    process.kill(killed, "SIGKILL");
    const down = await until(
      "a 503 from /api/health",
      async () => {
        const answer = await health(s.url);
        return answer.status === 503 ? answer : undefined;
      },
      10_000,
      s.output,
    );
    expect(Number(down.retryAfter)).toBeGreaterThan(0);
    const refused = await postJson(`${s.url}/api/v1/ingest`, envelope([{ type: "dlv", text: dlv }]), token);
    // Either still down (503, Retry-After: the agent keeps its spool) or already back (200): never a 500.
    expect([200, 503]).toContain(refused.status);
    if (refused.status === 503) expect(refused).toMatchObject({ body: { error: { code: "unavailable" } } });

    await until("recovery", async () => ((await health(s.url)).status === 200 ? true : undefined), 60_000, s.output);
    expect(postmasterPid()).not.toBe(killed);
    expect(s.output()).toMatch(/PostgreSQL \(pid \d+\) exited unexpectedly/);
    expect(s.output()).toMatch(/PostgreSQL restarted \(pid \d+, attempt \d+\)/);
    const changed = dlv.replace("Licensed", "Notification");
    expect((await postJson(`${s.url}/api/v1/ingest`, envelope([{ type: "dlv", text: changed }]), token)).status).toBe(200);
    // The batch before the kill and the one after (and the one during, if it was accepted) are all stored.
    expect(await storedBatches(fqdn)).toBe(refused.status === 200 ? 3 : 2);
  }, 120_000);
});

describe("10. children die with their parent, and start-up errors say what is wrong", () => {
  it("refuses a second start on the same data directory or port with a plain message", async () => {
    const sameDir = startServe(await freePort());
    expect(await sameDir.exited).toBe(1);
    expect(sameDir.output()).toMatch(/PostgreSQL \(pid \d+\) from an earlier run still holds the data directory .*kill -INT \d+/);
    const samePort = startServe(port);
    expect(await samePort.exited).toBe(1);
    expect(samePort.output()).toMatch(new RegExp(`port ${port} is already in use`));
    for (const attempt of [sameDir, samePort]) expect(attempt.output()).not.toMatch(/TypeError|reading 'message'/);
  }, 60_000);

  it("kill -9 of npm start takes next-server and PostgreSQL with it; the next start serves the same data", async () => {
    const s = serve as Serve;
    const servePid = s.child.pid as number;
    const postgres = postmasterPid();
    const next = childrenOf(servePid);
    expect(next.length).toBeGreaterThan(0);
    process.kill(servePid, "SIGKILL"); // the process only, as the OOM killer or `kill -9` would
    await s.exited;
    await until("the children to exit", async () => ([postgres, ...next].some(isAlive) ? undefined : true), 20_000, s.output);

    serve = startServe();
    await waitHealthy(serve);
    expect(await storedBatches(fqdn)).toBeGreaterThanOrEqual(2);
    expect((await postJson(`${serve.url}/api/v1/ingest`, envelope([]), token)).status).toBe(200);
  }, 180_000);
});
