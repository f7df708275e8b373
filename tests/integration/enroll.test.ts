import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { enrollMachine, envelope, post, sql } from "./helpers";

describe("POST /api/v1/enroll", () => {
  it("issues a token that is stored only as a hash and works for ingest", async () => {
    const agent = await enrollMachine("ENR");
    expect(agent.token).toMatch(/^kmsw_/);
    const rows = await sql<{ token_hash: string; token_prefix: string }>("SELECT token_hash, token_prefix FROM agent WHERE id = $1", [
      agent.agentId,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(agent.token);
    expect(agent.token.startsWith(rows[0]!.token_prefix)).toBe(true);
    const answer = await post("/api/v1/ingest", envelope([]), agent.token);
    expect(answer).toEqual({ status: 200, body: { accepted: 0, duplicates: 0, rejected: [] } });
  });

  it("keeps one machine per FQDN when the same installation enrolls again, and retires its earlier token", async () => {
    const first = await enrollMachine("TWICE");
    const hostname = first.fqdn.split(".")[0]!.toUpperCase();
    const again = await post<{ token: string }>("/api/v1/enroll", {
      enrollSecret: inject("enrollSecret"),
      hostname,
      fqdn: first.fqdn.toUpperCase(),
      installationKey: first.installationKey,
    });
    expect(again.status).toBe(201);
    const machines = await sql("SELECT id FROM machine WHERE fqdn = $1", [first.fqdn]);
    expect(machines).toHaveLength(1);
    const agents = await sql<{ revoked: boolean }>(
      "SELECT a.revoked_at IS NOT NULL AS revoked FROM agent a JOIN machine m ON m.id = a.machine_id WHERE m.fqdn = $1 ORDER BY a.enrolled_at",
      [first.fqdn],
    );
    expect(agents).toEqual([{ revoked: true }, { revoked: false }]);
    expect((await post("/api/v1/ingest", envelope([]), first.token)).status).toBe(401);
    expect((await post("/api/v1/ingest", envelope([]), again.body.token)).status).toBe(200);
  });

  it("refuses a wrong secret with 401 and bad fields with 400 naming the field", async () => {
    const wrong = await post("/api/v1/enroll", { enrollSecret: "nope", hostname: "A", fqdn: "a.contoso.com" });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: "unauthorized", path: "enrollSecret" } });
    const missing = await post("/api/v1/enroll", { enrollSecret: inject("enrollSecret"), hostname: "A" });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: "invalid_request", path: "fqdn" } });
    const badName = await post("/api/v1/enroll", { enrollSecret: inject("enrollSecret"), hostname: "a b", fqdn: "x" });
    expect(badName.status).toBe(400);
    expect(badName.body).toMatchObject({ error: { path: "hostname" } });
  });
});
