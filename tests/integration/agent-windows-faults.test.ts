// The real Windows agent through the faults the Node agent survives: server down (spool, exit 3, sent
// on the next run), server killed mid-send, a bounded spool. Its own Next.js server so it can be killed.
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { startNext, type NextServer } from "../../scripts/lib/next-process.ts";
import { addEvents } from "../../agents/node/testing.ts";
import { psMachine, startWindowsAgent, type PsMachine } from "../../agents/windows/testing.ts";
import { checkinsFor, countFor } from "./helpers";

let port = 0;
let server: NextServer | null = null;
const url = () => `http://127.0.0.1:${port}`;
const start = async () =>
  (server = await startNext({
    mode: "start",
    port,
    quiet: true,
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      KMSWATCH_ENROLL_SECRET: inject("enrollSecret"),
      KMSWATCH_SESSION_SECRET: randomBytes(24).toString("hex"),
      NODE_ENV: "production",
    },
  }));
const stop = async () => {
  await server?.stop();
  server = null;
};
const spooled = (m: PsMachine) =>
  readdirSync(path.join(m.stateDir, "spool"))
    .filter((n) => n.endsWith(".json"))
    .sort();
const json = (m: PsMachine, file: string): Record<string, number> => JSON.parse(readFileSync(path.join(m.stateDir, file), "utf8"));
const log = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

beforeAll(async () => {
  port = await freePort();
});
afterAll(stop);

describe("Windows agent faults", () => {
  it("spools while the server is down (exit 3), then delivers each event exactly once", async () => {
    const m = psMachine("client-ws-fin-0142", "psdown");
    const args = { ServerUrl: url(), EnrollSecret: inject("enrollSecret"), MaxRunSeconds: 1 };
    let expected = 2; // the captured 12288 + 12289
    for (let run = 0; run < 3; run += 1) {
      expected += addEvents(m.captureDir, 1_000_000 + run * 10, 5).length;
      const result = await startWindowsAgent(m, args);
      expect(result.code, log(result)).toBe(3);
      expect(result.stdout).toMatch(/giving up for this run/);
    }
    expect(spooled(m)).toHaveLength(3);
    expect(json(m, "bookmarks.json").Application).toBe(1_000_024);

    await start();
    const up = await startWindowsAgent(m, { ...args, MaxRunSeconds: 60 });
    expect(up.code, log(up)).toBe(0);
    expect(spooled(m)).toEqual([]);
    expect(await countFor("activation_event", m.fqdn)).toBe(expected);
    expect(await checkinsFor(m.fqdn)).toBe(4);
  }, 240_000);

  it("loses nothing and stores nothing twice when the server is killed mid-send", async () => {
    const m = psMachine("client-ws-fin-0142", "pskill");
    if (!server) await start();
    expect((await startWindowsAgent(m, { ServerUrl: url(), EnrollSecret: inject("enrollSecret") })).code).toBe(0);
    await stop();
    let expected = 2;
    for (let run = 0; run < 3; run += 1) {
      expected += addEvents(m.captureDir, 5_000_000 + run * 1000, 150).length;
      expect((await startWindowsAgent(m, { ServerUrl: url(), MaxRunSeconds: 1 })).code).toBe(3);
    }
    expect(spooled(m)).toHaveLength(3);

    await start();
    let leftAtKill = -1;
    // The deadline counts from the start of the run: collection (pwsh) must fit in it, on a busy machine too.
    const interrupted = await startWindowsAgent(m, { ServerUrl: url(), MaxRunSeconds: 15 }, {}, (chunk) => {
      // Kill the server hard right after the first payload was acknowledged.
      if (leftAtKill < 0 && /\bsent \d{8}T/.test(chunk)) {
        leftAtKill = spooled(m).length;
        server?.child.kill("SIGKILL");
      }
    });
    expect(leftAtKill, log(interrupted)).toBeGreaterThan(0);
    expect(interrupted.code, log(interrupted)).toBe(3);
    const killed = server?.child;
    if (killed && killed.exitCode === null && killed.signalCode === null) await new Promise((resolve) => killed.once("exit", resolve));
    server = null;

    await start();
    const after = await startWindowsAgent(m, { ServerUrl: url(), MaxRunSeconds: 60 });
    expect(after.code, log(after)).toBe(0);
    expect(spooled(m)).toEqual([]);
    expect(await countFor("activation_event", m.fqdn)).toBe(expected);
  }, 240_000);

  it("drops the oldest payloads when the spool is over its size bound, and reports it", async () => {
    const m = psMachine("client-ws-fin-0142", "psbound");
    await stop();
    const kept: number[] = [];
    for (let run = 0; run < 4; run += 1) {
      const ids = addEvents(m.captureDir, 2_000_000 + run * 100, 20);
      if (run >= 2) kept.push(...ids);
      // ~20 KB per payload (dlv + CIM + 20 events) against a 0.05 MB bound: two payloads fit, not three.
      const result = await startWindowsAgent(m, {
        ServerUrl: url(),
        EnrollSecret: inject("enrollSecret"),
        MaxRunSeconds: 1,
        SpoolMaxMB: 0.05,
      });
      expect(result.code, log(result)).toBe(3);
      if (run >= 2) expect(result.stdout).toMatch(/dropped 1 oldest payload\(s\)/);
    }
    expect(spooled(m)).toHaveLength(2);
    expect(json(m, "counters.json").droppedTotal).toBe(2);
    await start();
    const summary = await startWindowsAgent(m, { ServerUrl: url(), EnrollSecret: inject("enrollSecret"), MaxRunSeconds: 60 });
    expect(summary.code, log(summary)).toBe(0);
    expect(summary.stdout).toMatch(/dropped 0 \(total 2\)/);
    // The dropped payloads held the captured events and the first 40 generated ones.
    expect(await countFor("activation_event", m.fqdn)).toBe(kept.length);
  }, 240_000);
});
