// The server dies while the agent sends a multi-payload spool, then comes back: nothing is lost,
// nothing is stored twice. Uses its own Next.js server (same database) so it can kill it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { startNext, type NextServer } from "../../scripts/lib/next-process.ts";
import { addEvents, agentArgs, agentBundle, runAgent, spoolFiles, startAgent, workspace } from "../../agents/node/testing.ts";
import { checkinsFor, countFor } from "./helpers";

let port = 0;
let server: NextServer | null = null;
const env = () => ({
  ...process.env,
  DATABASE_URL: inject("databaseUrl"),
  KMSWATCH_ENROLL_SECRET: inject("enrollSecret"),
  KMSWATCH_SESSION_SECRET: randomBytes(24).toString("hex"),
  NODE_ENV: "production" as const,
});
const start = async () => (server = await startNext({ mode: "start", port, env: env(), quiet: true }));

beforeAll(async () => {
  port = await freePort();
  await agentBundle();
});
afterAll(async () => {
  await server?.stop();
});

describe("agent and a server restart", () => {
  it("loses nothing and duplicates nothing", async () => {
    const ws = workspace("client-ws-fin-0142", "rst");
    const url = `http://127.0.0.1:${port}`;
    const secret = ["--enroll-secret", inject("enrollSecret")];
    // Enroll first, then build a spool of 8 payloads while the server is not running.
    await start();
    expect((await runAgent(ws, url, secret)).code).toBe(0);
    await server?.stop();
    let expected = 2;
    for (let run = 0; run < 8; run += 1) {
      expected += addEvents(ws.captureDir, 5_000_000 + run * 1000, 150).length;
      expect((await runAgent(ws, url, ["--max-run-seconds", "0.3"])).code).toBe(3);
    }
    expect(spoolFiles(ws.stateDir)).toHaveLength(8);

    await start();
    let leftAtKill = -1;
    const { done } = await startAgent(
      // Long enough for a loaded machine's first acknowledged send; the run ends early once the server is gone.
      agentArgs(ws, url, ["--max-run-seconds", "8"]),
      (chunk) => {
        // Kill the server hard right after the first payload was acknowledged.
        if (leftAtKill < 0 && /\bsent \d{8}T/.test(chunk)) {
          leftAtKill = spoolFiles(ws.stateDir).length;
          server?.child.kill("SIGKILL");
        }
      },
    );
    const interrupted = await done;
    expect(leftAtKill, interrupted.stderr).toBeGreaterThan(0);
    expect(interrupted.code, interrupted.stderr).toBe(3);
    expect(interrupted.stderr).toMatch(/network error/);
    expect(spoolFiles(ws.stateDir).length).toBeGreaterThan(0);
    const killed = server?.child;
    if (killed && killed.exitCode === null && killed.signalCode === null) await new Promise((resolve) => killed.once("exit", resolve));

    await start();
    const after = await runAgent(ws, url);
    expect(after.code, after.stderr).toBe(0);
    expect(spoolFiles(ws.stateDir)).toEqual([]);
    expect(await countFor("activation_event", ws.fqdn)).toBe(expected);
    // Each payload was acknowledged once (a payload stored just before the kill may be resent:
    // the server then counts its events as duplicates, and stores nothing twice).
    // Acknowledged: the enrolling run, the 8 spooled payloads, and the check-ins of the last two runs.
    expect(await checkinsFor(ws.fqdn)).toBeGreaterThanOrEqual(1 + 8 + 2);
  }, 90_000);
});
