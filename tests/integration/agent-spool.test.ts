// The real agent against the real server: a spool that survives an outage, then empties exactly once;
// and a bounded spool that drops its oldest payloads and says so.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { addEvents, agentBundle, runAgent, spoolFiles, workspace } from "../../agents/node/testing.ts";
import { checkinsFor, countFor } from "./helpers";

const json = (file: string): Record<string, number> => JSON.parse(readFileSync(file, "utf8"));

beforeAll(async () => {
  await agentBundle();
});

describe("agent spool", () => {
  it("keeps every collection while the server is down, then delivers each event exactly once", async () => {
    const ws = workspace("client-ws-fin-0142", "spool");
    const down = `http://127.0.0.1:${await freePort()}`;
    const secret = ["--enroll-secret", inject("enrollSecret")];
    let expected = 2; // the captured 12288 + 12289
    for (let run = 0; run < 3; run += 1) {
      expected += addEvents(ws.captureDir, 1_000_000 + run * 10, 5).length;
      const result = await runAgent(ws, down, [...secret, "--max-run-seconds", "0.3"]);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(/giving up for this run/);
    }
    expect(spoolFiles(ws.stateDir)).toHaveLength(3);
    expect(json(path.join(ws.stateDir, "bookmarks.json")).Application).toBe(1_000_024);

    const up = await runAgent(ws, inject("baseUrl"), secret);
    expect(up.code, up.stderr).toBe(0);
    expect(spoolFiles(ws.stateDir)).toEqual([]);
    expect(await countFor("activation_event", ws.fqdn)).toBe(expected);
    expect(await checkinsFor(ws.fqdn)).toBe(4);

    // Nothing new: a check-in without events, and still no duplicate.
    const again = await runAgent(ws, inject("baseUrl"));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/0 new event\(s\)/);
    expect(await countFor("activation_event", ws.fqdn)).toBe(expected);
  });

  it("drops the oldest payloads when the spool is over its size bound, and reports it", async () => {
    const ws = workspace("client-ws-fin-0142", "bound");
    const down = `http://127.0.0.1:${await freePort()}`;
    const kept: number[] = [];
    for (let run = 0; run < 4; run += 1) {
      const ids = addEvents(ws.captureDir, 2_000_000 + run * 100, 20);
      if (run >= 2) kept.push(...ids);
      // ~20 KB per payload (dlv + CIM + 20 events) against a 0.05 MB bound: two payloads fit, not three.
      const result = await runAgent(ws, down, [
        "--enroll-secret",
        inject("enrollSecret"),
        "--max-run-seconds",
        "0.3",
        "--spool-max-mb",
        "0.05",
      ]);
      expect(result.code, result.stderr).toBe(3);
      if (run >= 2) expect(result.stderr).toMatch(/dropped 1 oldest payload\(s\)/);
    }
    const spooled = spoolFiles(ws.stateDir);
    expect(spooled).toHaveLength(2);
    expect(json(path.join(ws.stateDir, "counters.json")).droppedTotal).toBe(2);
    const summary = await runAgent(ws, inject("baseUrl"), ["--enroll-secret", inject("enrollSecret")]);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stderr).toMatch(/dropped 0 \(total 2\)/);
    // The dropped payloads held the captured events and the first 40 generated ones.
    expect(await countFor("activation_event", ws.fqdn)).toBe(kept.length);
  });
});
