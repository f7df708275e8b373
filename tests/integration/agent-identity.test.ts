// Both agents and the server's identity binding (issue #17 item 7): each installation keeps its own key;
// a second installation claiming the same FQDN is refused (409, exit 2) while the first keeps working;
// the first, having lost its token file, enrolls again with its key; an admin's revocation lets the second in.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addEvents, agentBundle, runAgent, spoolFiles, workspace } from "../../agents/node/testing.ts";
import { psMachine, startWindowsAgent, type PsMachine } from "../../agents/windows/testing.ts";
import { callApi, countFor, signIn, sql } from "./helpers";

const ADMIN_MUST_ACT = /already has an active agent.*revoke the old agent on the Agents page \(Settings > Agents\)/s;
let admin = "";
const key = (stateDir: string) => readFileSync(path.join(stateDir, "installation-key.txt"), "utf8").trim();
const token = (stateDir: string): string => JSON.parse(readFileSync(path.join(stateDir, "token.json"), "utf8")).token;
const activeAgents = (fqdn: string) =>
  sql<{ id: string }>("SELECT a.id FROM agent a JOIN machine m ON m.id = a.machine_id WHERE m.fqdn = $1 AND a.revoked_at IS NULL", [fqdn]);
/** Revokes the machine's active agent the way an admin does on the Agents page. */
async function revokeActive(fqdn: string): Promise<void> {
  const [agent] = await activeAgents(fqdn);
  expect((await callApi("POST", `/api/dashboard/agents/${agent?.id}/revoke`, admin)).status).toBe(200);
}

beforeAll(async () => {
  admin = await signIn();
  await agentBundle();
});

describe("installation keys through the real server", () => {
  it("Node agent: a second installation is refused (409, exit 2), the first keeps working and survives a lost token", async () => {
    const secret = ["--enroll-secret", inject("enrollSecret")];
    const first = workspace("client-ws-fin-0142", "idn");
    const second = { ...workspace("client-ws-lab-0007", "idn2"), fqdn: first.fqdn };
    const enrolled = await runAgent(first, inject("baseUrl"), secret);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const firstKey = key(first.stateDir);

    const refused = await runAgent(second, inject("baseUrl"), secret);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(ADMIN_MUST_ACT);
    expect(refused.stderr).not.toMatch(/retrying/);
    expect(existsSync(path.join(second.stateDir, "token.json"))).toBe(false);
    expect(spoolFiles(second.stateDir)).toHaveLength(1);
    expect(key(second.stateDir)).not.toBe(firstKey);

    addEvents(first.captureDir, 6_000_000, 2);
    const still = await runAgent(first, inject("baseUrl"));
    expect(still.code, still.stderr).toBe(0);
    expect(await countFor("activation_event", first.fqdn)).toBe(2 + 2);

    const oldToken = token(first.stateDir);
    rmSync(path.join(first.stateDir, "token.json"));
    const again = await runAgent(first, inject("baseUrl"), secret);
    expect(again.code, again.stderr).toBe(0);
    expect(key(first.stateDir)).toBe(firstKey);
    expect(token(first.stateDir)).not.toBe(oldToken);
    expect(await countFor("agent", first.fqdn)).toBe(2);
    expect(await activeAgents(first.fqdn)).toHaveLength(1);

    // The reinstalled machine's way in: an admin revokes the old agent, then the second installation enrolls.
    await revokeActive(first.fqdn);
    const admitted = await runAgent(second, inject("baseUrl"), secret);
    expect(admitted.code, admitted.stderr).toBe(0);
    expect(spoolFiles(second.stateDir)).toEqual([]);
  });

  it("Windows agent: the same, through kmswatch-agent.ps1", async () => {
    const run = (m: PsMachine, args: Record<string, string | number> = {}) =>
      startWindowsAgent(m, { ServerUrl: inject("baseUrl"), ...args });
    const out = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
    const secret = { EnrollSecret: inject("enrollSecret") };
    const first = psMachine("client-ws-fin-0142", "psid");
    const second: PsMachine = { ...psMachine("client-ws-lab-0007", "psid2"), computerName: first.computerName, fqdn: first.fqdn };
    const enrolled = await run(first, secret);
    expect(enrolled.code, out(enrolled)).toBe(0);
    const firstKey = key(first.stateDir);
    expect(firstKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const refused = await run(second, secret);
    expect(refused.code, out(refused)).toBe(2);
    expect(refused.stdout).toMatch(ADMIN_MUST_ACT);
    expect(refused.stdout).not.toMatch(/retrying/);
    expect(readFileSync(path.join(second.stateDir, "agent.log"), "utf8")).toMatch(ADMIN_MUST_ACT);
    expect(existsSync(path.join(second.stateDir, "token.json"))).toBe(false);
    expect(spoolFiles(second.stateDir)).toHaveLength(1);

    addEvents(first.captureDir, 7_000_000, 2);
    const still = await run(first);
    expect(still.code, out(still)).toBe(0);
    expect(await countFor("activation_event", first.fqdn)).toBe(2 + 2);

    rmSync(path.join(first.stateDir, "token.json"));
    const again = await run(first, secret);
    expect(again.code, out(again)).toBe(0);
    expect(key(first.stateDir)).toBe(firstKey);
    expect(await countFor("agent", first.fqdn)).toBe(2);
    expect(await activeAgents(first.fqdn)).toHaveLength(1);
    // (The admin's revocation letting the second installation in is the Node case's last step: same server rule.)
  }, 120_000);
});
