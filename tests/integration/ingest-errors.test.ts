// Bad input gets the documented answer and leaves nothing half-stored.
import { describe, expect, it } from "vitest";
import { countFor, enrollMachine, envelope, fixture, post, sql, sqlOne } from "./helpers";

type IngestBody = { accepted: number; duplicates: number; rejected: { index: number; error: string }[] };
const dlv = () => ({ type: "dlv", text: fixture("dlv", "client-kms-licensed-dns.en-US.txt") });

describe("ingest error handling", () => {
  it("answers 401 without a token or with an unknown one", async () => {
    const none = await post("/api/v1/ingest", envelope([dlv()]));
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: "unauthorized" } });
    const unknown = await post("/api/v1/ingest", envelope([dlv()]), "kmsw_not-a-real-token");
    expect(unknown.status).toBe(401);
  });

  it("resolves concurrent requests, whose token lookups are batched, each to its own agent", async () => {
    const agents = await Promise.all([1, 2, 3, 4].map(() => enrollMachine("AUTHB")));
    const revoked = agents[3]!;
    await sql("UPDATE agent SET revoked_at = now() WHERE id = $1", [revoked.agentId]);
    // Valid tokens (one twice), the revoked one and an unknown one, all in flight together.
    const tokens = [agents[0]!.token, revoked.token, agents[1]!.token, "kmsw_unknown-token", agents[2]!.token, agents[0]!.token];
    const answers = await Promise.all(
      tokens.map((token, i) => post<IngestBody>("/api/v1/ingest", envelope(i === 5 ? [] : [dlv()]), token)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 401, 200, 401, 200, 200]);
    expect(await Promise.all(agents.map((a) => countFor("snapshot", a.fqdn)))).toEqual([1, 1, 1, 0]);
    const seen = await sql<{ id: string }>("SELECT id FROM agent WHERE id = ANY($1::uuid[]) AND last_seen_at IS NOT NULL ORDER BY id", [
      agents.map((a) => a.agentId),
    ]);
    expect(seen.map((r) => r.id)).toEqual(
      agents
        .slice(0, 3)
        .map((a) => a.agentId)
        .sort(),
    );
  });

  it("answers 400 for malformed JSON and a wrong envelope, naming the path", async () => {
    const agent = await enrollMachine("ERR");
    const broken = await post("/api/v1/ingest", undefined, agent.token, '{"collectedAt": ');
    expect(broken).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
    const noDate = await post("/api/v1/ingest", { agentVersion: "1", artifacts: [] }, agent.token);
    expect(noDate).toMatchObject({ status: 400, body: { error: { code: "invalid_request", path: "collectedAt" } } });
    const wrongType = await post("/api/v1/ingest", envelope([dlv(), { type: "dlv", text: 42 }]), agent.token);
    expect(wrongType).toMatchObject({ status: 400, body: { error: { path: "artifacts.1" } } });
    const badLog = await post("/api/v1/ingest", envelope([{ type: "events", log: "System", xml: "<Event/>" }]), agent.token);
    expect(badLog.status).toBe(400);
    expect(await countFor("snapshot", agent.fqdn)).toBe(0);
    expect(await countFor("ingest_batch", agent.fqdn)).toBe(0);
  });

  it("answers 413 above the body limit and stores nothing", async () => {
    const agent = await enrollMachine("BIG");
    const huge = "x".repeat(6 * 1024 * 1024);
    const answer = await post("/api/v1/ingest", envelope([dlv(), { type: "dlv", text: huge }]), agent.token);
    expect(answer).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    expect(await countFor("snapshot", agent.fqdn)).toBe(0);
  });

  it("quarantines an unparseable artifact and stores the rest of the batch", async () => {
    const agent = await enrollMachine("QRT");
    const good = fixture("events", "client-12288-success.xml");
    const answer = await post<IngestBody>(
      "/api/v1/ingest",
      envelope([
        dlv(),
        { type: "dlv", text: "\u0000\u0001 binary garbage \u00ff" },
        { type: "events", log: "Application", xml: good },
        { type: "events", log: "Application", xml: "<Event><System><EventID>12288" },
        { type: "probe-from-the-future", detail: 1 },
      ]),
      agent.token,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.rejected.map((r) => r.index)).toEqual([1, 3, 4]);
    for (const rejected of answer.body.rejected) expect(rejected.error.length).toBeGreaterThan(5);
    expect(await countFor("snapshot", agent.fqdn)).toBe(1);
    expect(await countFor("activation_event", agent.fqdn)).toBe(1);
    const quarantined = await sql<{ artifact_index: number; body: string }>(
      `SELECT q.artifact_index, q.body FROM quarantined_artifact q JOIN machine m ON m.id = q.machine_id
        WHERE m.fqdn = $1 ORDER BY q.artifact_index`,
      [agent.fqdn],
    );
    expect(quarantined.map((q) => q.artifact_index)).toEqual([1, 3, 4]);
    // Kept losslessly, NUL included.
    expect(JSON.parse(quarantined[0]!.body)).toEqual({ type: "dlv", text: "\u0000\u0001 binary garbage \u00ff" });
  });

  it("counts a replayed batch as duplicates and changes nothing", async () => {
    const agent = await enrollMachine("RPL");
    const batch = envelope([
      { type: "events", log: "Key Management Service", xml: fixture("events", "host-kms01-keymanagementservice-log.multi.xml") },
    ]);
    const first = await post<IngestBody>("/api/v1/ingest", batch, agent.token);
    expect(first.body).toEqual({ accepted: 8, duplicates: 0, rejected: [] });
    const replay = await post<IngestBody>("/api/v1/ingest", batch, agent.token);
    expect(replay.body).toEqual({ accepted: 0, duplicates: 8, rejected: [] });
    expect(await countFor("activation_event", agent.fqdn)).toBe(8);
  });

  it("stores an unchanged snapshot once and only marks it seen", async () => {
    const agent = await enrollMachine("SNAP");
    const text = fixture("dlv", "kms-host-healthy.en-US.txt");
    await post("/api/v1/ingest", envelope([{ type: "dlv", text }], "2026-01-01T00:00:00Z"), agent.token);
    await post("/api/v1/ingest", envelope([{ type: "dlv", text }], "2026-01-01T01:00:00Z"), agent.token);
    const changed = text.replace("Current count: 50", "Current count: 49");
    await post("/api/v1/ingest", envelope([{ type: "dlv", text: changed }], "2026-01-01T02:00:00Z"), agent.token);
    const rows = await sql<{ current_count: number; last_seen_at: Date }>(
      `SELECT s.current_count, seen.last_seen_at FROM snapshot s JOIN machine m ON m.id = s.machine_id
         JOIN snapshot_seen seen ON seen.snapshot_id = s.id
        WHERE m.fqdn = $1 ORDER BY s.collected_at`,
      [agent.fqdn],
    );
    expect(rows.map((r) => r.current_count)).toEqual([50, 49]);
    expect(rows[0]!.last_seen_at.toISOString()).toBe("2026-01-01T01:00:00.000Z");
    // The unchanged check-in added no batch row: it is counted on the agent instead.
    expect(await countFor("ingest_batch", agent.fqdn)).toBe(2);
    const counted = await sqlOne<{ unchanged_checkins: string; unchanged_accepted: string }>(
      "SELECT unchanged_checkins, unchanged_accepted FROM agent WHERE id = $1",
      [agent.agentId],
    );
    expect(counted).toEqual({ unchanged_checkins: "1", unchanged_accepted: "1" });
  });

  it("records many concurrent unchanged check-ins as seen without adding rows", async () => {
    const agents = await Promise.all(Array.from({ length: 12 }, (_, i) => enrollMachine(`CONC${i}`)));
    const text = fixture("dlv", "client-kms-licensed-dns.en-US.txt");
    // Minutes apart, the remaining grace counting down with the clock: the expiry does not move.
    const send = (token: string, minute: number) =>
      post<IngestBody>(
        "/api/v1/ingest",
        envelope(
          [{ type: "dlv", text: text.replace("259181 minute(s)", `${259181 - minute} minute(s)`) }],
          `2026-02-01T00:${String(minute).padStart(2, "0")}:00Z`,
        ),
        token,
      );
    // 36 at once is more than the server admits (KMSWATCH_AGENT_CONCURRENCY): the rest are refused with 503 and,
    // as an agent does, sent again (sooner than Retry-After, to keep the test short); nothing of theirs is stored.
    const checkin = async (token: string, minute: number) => {
      for (let attempt = 0; ; attempt += 1) {
        const answer = await send(token, minute);
        if (answer.status !== 503 || attempt === 40) return answer;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    };
    await Promise.all(agents.map((a) => checkin(a.token, 0)));
    const answers = await Promise.all(agents.flatMap((a) => [5, 10, 15].map((minute) => checkin(a.token, minute))));
    expect(answers.every((a) => a.status === 200 && a.body.accepted === 1 && a.body.rejected.length === 0)).toBe(true);
    const rows = await sql<{ snapshots: number; batches: number; unchanged: number; last_seen: Date }>(
      `SELECT (SELECT count(*)::int FROM snapshot s WHERE s.machine_id = m.id) AS snapshots,
              (SELECT count(*)::int FROM ingest_batch b WHERE b.machine_id = m.id) AS batches,
              (SELECT sum(unchanged_checkins)::int FROM agent a WHERE a.machine_id = m.id) AS unchanged,
              (SELECT max(seen.last_seen_at) FROM snapshot s JOIN snapshot_seen seen ON seen.snapshot_id = s.id
                WHERE s.machine_id = m.id) AS last_seen
         FROM machine m WHERE m.fqdn = ANY($1)`,
      [agents.map((a) => a.fqdn)],
    );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row).toMatchObject({ snapshots: 1, batches: 1, unchanged: 3 });
      expect(row.last_seen.toISOString()).toBe("2026-02-01T00:15:00.000Z");
    }
    // A renewal moves the expiry: the next check-in is stored as a new state, not only seen.
    const renewal = envelope([{ type: "dlv", text }], "2026-02-01T00:40:00Z");
    expect((await post<IngestBody>("/api/v1/ingest", renewal, agents[0]!.token)).body.accepted).toBe(1);
    expect(await countFor("snapshot", agents[0]!.fqdn)).toBe(2);
  });
});

describe("POST /api/v1/parse", () => {
  it("parses a pasted /dlv and event text without storing anything", async () => {
    const agent = await enrollMachine("PRS");
    const products = await post<{ products: { currentCount: number; isKmsHost: boolean }[]; recognized: string[] }>(
      "/api/v1/parse",
      { type: "dlv", text: fixture("dlv", "kms-host-healthy.en-US.txt") },
      agent.token,
    );
    expect(products.status).toBe(200);
    expect(products.body.products[0]).toMatchObject({ currentCount: 50, isKmsHost: true, listeningPort: 1688 });
    expect(products.body.recognized.length).toBeGreaterThan(5);
    const events = await post<{ events: { eventId: number; cmid: string }[] }>(
      "/api/v1/parse",
      { type: "events", xml: fixture("events", "client-12288-success.xml") },
      agent.token,
    );
    expect(events.body.events[0]).toMatchObject({ eventId: 12288, cmid: "5e1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13", kmsPort: 1688 });
    expect(await countFor("snapshot", agent.fqdn)).toBe(0);
    const garbage = await post("/api/v1/parse", { type: "dlv", text: "   " }, agent.token);
    expect(garbage).toMatchObject({ status: 422, body: { error: { code: "unparseable", path: "text" } } });
    expect((await post("/api/v1/parse", { type: "dlv", text: "x" })).status).toBe(401);
  });
});

describe("damaged numbers", () => {
  it("stores an event whose number overflows its column with that field empty, instead of failing the batch", async () => {
    const agent = await enrollMachine("OVF");
    const xml = fixture("events", "host-12290-success.xml")
      .replace("<Data>25</Data>", "<Data>99999999999</Data>")
      .replace(",25,WS-FIN", ",99999999999,WS-FIN");
    const answer = await post<IngestBody>(
      "/api/v1/ingest",
      envelope([{ type: "events", log: "Key Management Service", xml }]),
      agent.token,
    );
    expect(answer).toMatchObject({ status: 200, body: { accepted: 1 } });
    const stored = await sqlOne<{ min_count: number | null; client_fqdn: string }>(
      "SELECT e.min_count, e.client_fqdn FROM activation_event e JOIN machine m ON m.id = e.machine_id WHERE m.fqdn = $1",
      [agent.fqdn],
    );
    expect(stored).toEqual({ min_count: null, client_fqdn: "ws-fin-0142.corp.contoso.com" });
  });
});
