// The send loop against a scripted in-process HTTP server: re-enrollment, refused payloads, retries.
import http from "node:http";
import { existsSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { testTempDir } from "../tempDir";
import { AuthError, REVOKED_MESSAGE, sendSpool, type SendContext } from "./sender";
import { Spool, spoolName } from "./spool";
import { AgentState } from "./state";

type Reply = { status: number; body: unknown };
let server: http.Server | null = null;
const seen: { url: string; auth: string | undefined }[] = [];

async function serve(replies: Record<string, Reply[]>): Promise<string> {
  seen.length = 0;
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      seen.push({ url: req.url ?? "", auth: req.headers.authorization });
      const reply = replies[req.url ?? ""]?.shift() ?? { status: 500, body: { error: "unscripted" } };
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const ok = { status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } };
const enrolled = (token: string) => ({ status: 201, body: { agentId: "6f1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13", token } });

function context(serverUrl: string, payloads: number, secret: string | null): SendContext {
  const dir = testTempDir("send");
  const spool = new Spool(dir);
  for (let i = 1; i <= payloads; i += 1) spool.write(spoolName(new Date(Date.UTC(2026, 10, 25, 10, i)), i), `{"n":${i}}`);
  return {
    server: serverUrl,
    enrollSecret: secret,
    hostname: "ws-1",
    fqdn: "ws-1.corp",
    state: new AgentState(dir),
    spool,
    deadline: Date.now() + 5000,
    random: () => 0,
  };
}

describe("sendSpool", () => {
  it("enrolls once, sends oldest first, and empties the spool", async () => {
    const url = await serve({ "/api/v1/enroll": [enrolled("t1")], "/api/v1/ingest": [ok, ok] });
    const ctx = context(url, 2, "secret-123");
    expect(await sendSpool(ctx)).toMatchObject({ sent: 2, remaining: 0, reachedDeadline: false });
    expect(seen.map((s) => s.url)).toEqual(["/api/v1/enroll", "/api/v1/ingest", "/api/v1/ingest"]);
    expect(seen[1]!.auth).toBe("Bearer t1");
    expect(ctx.state.readToken(url)?.token).toBe("t1");
    expect(ctx.spool.list()).toEqual([]);
  });

  it("re-enrolls once on 401 when it has the secret, then resends the same payload", async () => {
    const url = await serve({
      "/api/v1/enroll": [enrolled("t1"), enrolled("t2")],
      "/api/v1/ingest": [ok, { status: 401, body: { error: { code: "unauthorized" } } }, ok],
    });
    const ctx = context(url, 2, "secret-123");
    expect(await sendSpool(ctx)).toMatchObject({ sent: 2, reenrolled: true });
    expect(seen.map((s) => s.auth)).toEqual([undefined, "Bearer t1", "Bearer t1", undefined, "Bearer t2"]);
  });

  it("stops with a clear message on 401 without the secret, keeping the spool", async () => {
    const denied = { status: 401, body: { error: { code: "unauthorized" } } };
    const url = await serve({ "/api/v1/ingest": [denied, denied] });
    const ctx = context(url, 1, null);
    ctx.state.writeToken({ server: url, agentId: "a", token: "old", fqdn: "ws-1.corp", enrolledAt: "x" });
    await expect(sendSpool(ctx)).rejects.toThrow(AuthError);
    await expect(sendSpool(ctx)).rejects.toThrow(REVOKED_MESSAGE);
    expect(ctx.spool.list()).toHaveLength(1);
  });

  it("sets a 400 payload aside and goes on; retries 503 with backoff", async () => {
    const url = await serve({
      "/api/v1/ingest": [{ status: 400, body: { error: { code: "invalid_request" } } }, { status: 503, body: {} }, ok],
    });
    const ctx = context(url, 2, null);
    ctx.state.writeToken({ server: url, agentId: "a", token: "t", fqdn: "ws-1.corp", enrolledAt: "x" });
    expect(await sendSpool(ctx)).toMatchObject({ sent: 1, rejected: 1 });
    expect(readdirSync(ctx.spool.rejectedDir).sort()[0]).toMatch(/0000000001\.json$/);
    expect(existsSync(ctx.spool.dir) && ctx.spool.list()).toEqual([]);
  });

  it("gives up at the deadline when the server is unreachable", async () => {
    const closed = await serve({});
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = null;
    const ctx = context(closed, 2, null);
    ctx.state.writeToken({ server: ctx.server, agentId: "a", token: "t", fqdn: "ws-1.corp", enrolledAt: "x" });
    ctx.deadline = Date.now() + 300;
    ctx.random = () => 0.01;
    expect(await sendSpool(ctx)).toMatchObject({ sent: 0, remaining: 2, reachedDeadline: true });
  });
});
