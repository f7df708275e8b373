// Large event batches are parsed in a worker thread (lib/ingest/parsePool.ts): what they store, and the errors
// they answer, must be those of a batch parsed on the event loop.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderEvents } from "../../scripts/simulator/renderEvents";
import { ACT_ID_WIN_ENTERPRISE, LS } from "../../scripts/simulator/constants";
import type { Event12290 } from "../../scripts/simulator/types";
import { WORKER_MIN_BYTES } from "../../lib/ingest/parsePool";
import { countFor, enrollMachine, envelope, post } from "./helpers";

type IngestBody = { accepted: number; duplicates: number; rejected: { index: number; error: string }[] };
type ErrorAnswer = { error: { code: string; message: string; path: string | null } };

function hostEvents(fqdn: string, count: number): string {
  const start = Date.now() - 2 * 86_400_000;
  const events: Event12290[] = Array.from({ length: count }, (_, i) => ({
    eventId: 12290,
    recordId: 1000 + i,
    time: start + i * 60_000,
    ticks: i,
    computer: fqdn,
    hr: 0,
    minCount: 25,
    clientFqdn: `ws-${String(i).padStart(5, "0")}.corp.contoso.com`,
    cmid: randomUUID(),
    clientTime: start + i * 60_000 - 500,
    isVm: false,
    licenseStatus: LS.Licensed,
    minutesToExpiry: 259_200,
    actId: ACT_ID_WIN_ENTERPRISE,
  }));
  return renderEvents(events);
}

describe("a large event batch", () => {
  it("is stored whole, and a replay of it counted as duplicates", async () => {
    const agent = await enrollMachine("KMSBIG");
    const body = envelope([{ type: "events", log: "Key Management Service", xml: hostEvents(agent.fqdn, 300) }]);
    expect(JSON.stringify(body).length).toBeGreaterThan(WORKER_MIN_BYTES);
    const first = await post<IngestBody>("/api/v1/ingest", body, agent.token);
    expect(first).toEqual({ status: 200, body: { accepted: 300, duplicates: 0, rejected: [] } });
    expect(await countFor("activation_event", agent.fqdn)).toBe(300);
    const replay = await post<IngestBody>("/api/v1/ingest", body, agent.token);
    expect(replay).toEqual({ status: 200, body: { accepted: 0, duplicates: 300, rejected: [] } });
    expect(await countFor("activation_event", agent.fqdn)).toBe(300);
  });

  it("answers a bad envelope or broken JSON with the same 400 as a small body, storing nothing", async () => {
    const agent = await enrollMachine("KMSBAD");
    const xml = hostEvents(agent.fqdn, 300);
    const withBadArtifact = (events: string) =>
      envelope([
        { type: "events", log: "Key Management Service", xml: events },
        { type: "events", xml: 42 },
      ]);
    const large = await post<ErrorAnswer>("/api/v1/ingest", withBadArtifact(xml), agent.token);
    const small = await post<ErrorAnswer>("/api/v1/ingest", withBadArtifact(hostEvents(agent.fqdn, 1)), agent.token);
    expect([large.status, small.status]).toEqual([400, 400]);
    expect(large.body).toEqual(small.body);
    expect(large.body.error).toMatchObject({ code: "invalid_request", path: expect.stringMatching(/^artifacts\.1/) });
    const broken = await post<ErrorAnswer>(
      "/api/v1/ingest",
      null,
      agent.token,
      JSON.stringify(envelope([{ type: "events", log: "x", xml }])).slice(0, -2),
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("invalid_json");
    expect(await countFor("activation_event", agent.fqdn)).toBe(0);
  });
});
