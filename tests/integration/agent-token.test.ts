// Expired or revoked tokens: the agent enrolls again when it has the enroll secret, and otherwise
// stops with a clear message and a non-zero exit, keeping its spool for later.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addEvents, agentBundle, runAgent, spoolFiles, workspace } from "../../agents/node/testing.ts";
import { countFor, sql } from "./helpers";

const revoke = (fqdn: string) =>
  sql("UPDATE agent SET revoked_at = now() WHERE machine_id = (SELECT id FROM machine WHERE fqdn = $1)", [fqdn]);
const savedToken = (stateDir: string): string => JSON.parse(readFileSync(path.join(stateDir, "token.json"), "utf8")).token;

beforeAll(async () => {
  await agentBundle();
});

describe("agent token", () => {
  it("is saved with mode 0600 and reused: one enrollment for several runs", async () => {
    const ws = workspace("host-kms01", "tok");
    const first = await runAgent(ws, inject("baseUrl"), ["--enroll-secret", inject("enrollSecret")]);
    expect(first.code, first.stderr).toBe(0);
    const second = await runAgent(ws, inject("baseUrl"));
    expect(second.code, second.stderr).toBe(0);
    expect(await countFor("agent", ws.fqdn)).toBe(1);
    // The 8 events of the back-to-back and the rooted captures are the same events: stored once.
    expect(await countFor("activation_event", ws.fqdn)).toBe(8);
    if (process.platform !== "win32") {
      const { statSync } = await import("node:fs");
      expect(statSync(path.join(ws.stateDir, "token.json")).mode & 0o777).toBe(0o600);
    }
  });

  it("without the enroll secret, stops with a clear message and keeps the payload", async () => {
    const ws = workspace("client-ws-lab-0007", "rev");
    expect((await runAgent(ws, inject("baseUrl"), ["--enroll-secret", inject("enrollSecret")])).code).toBe(0);
    await revoke(ws.fqdn);
    addEvents(ws.captureDir, 3_000_000, 3);
    const refused = await runAgent(ws, inject("baseUrl"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("token revoked or unknown; run with --enroll-secret to enroll again");
    expect(spoolFiles(ws.stateDir)).toHaveLength(1);

    const before = savedToken(ws.stateDir);
    const again = await runAgent(ws, inject("baseUrl"), ["--enroll-secret", inject("enrollSecret")]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/enrolling again/);
    expect(savedToken(ws.stateDir)).not.toBe(before);
    expect(spoolFiles(ws.stateDir)).toEqual([]);
    expect(await countFor("activation_event", ws.fqdn)).toBe(1 + 3);
  });

  it("with the enroll secret, re-enrolls by itself within the run", async () => {
    const ws = workspace("client-ws-fin-0142", "reen");
    const secret = ["--enroll-secret", inject("enrollSecret")];
    expect((await runAgent(ws, inject("baseUrl"), secret)).code).toBe(0);
    await revoke(ws.fqdn);
    addEvents(ws.captureDir, 4_000_000, 2);
    const result = await runAgent(ws, inject("baseUrl"), secret);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/enrolled again/);
    expect(await countFor("agent", ws.fqdn)).toBe(2);
    expect(await countFor("activation_event", ws.fqdn)).toBe(2 + 2);
  });

  it("refuses a wrong enroll secret with a non-zero exit", async () => {
    const ws = workspace("client-ws-fin-0142", "bad");
    const result = await runAgent(ws, inject("baseUrl"), ["--enroll-secret", "not-the-secret"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refused the enroll secret/);
    expect(spoolFiles(ws.stateDir)).toHaveLength(1);
  });
});
