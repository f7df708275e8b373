// The send loop and the server's identity and pacing answers (issues #17, #20): the installation key is
// generated once and sent with every enrollment, 409 stops the agent for an admin, Retry-After is honoured.
import http from "node:http";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { testTempDir } from "../tempDir";
import { EXIT_OPERATOR_MUST_ACT, EXIT_SPOOLED, exitCodeOfError, exitCodeOfRun } from "./exitCode";
import { AuthError, FatalError, sendSpool, type SendContext } from "./sender";
import { Spool, spoolName } from "./spool";
import { AgentState, INSTALLATION_KEY_FILE } from "./state";

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
let server: http.Server | null = null;
const seen: { url: string; body: string; at: number }[] = [];

async function serve(replies: Record<string, Reply[]>): Promise<string> {
  seen.length = 0;
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", body, at: Date.now() });
      const reply: Reply = replies[req.url ?? ""]?.shift() ?? { status: 500, body: { error: "unscripted" } };
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const ok = { status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } };
const enrolled = (token: string) => ({ status: 201, body: { agentId: "6f1c2a7b-3d94-4f1e-9b0a-6c8d2e7f4a13", token } });
const conflict = { status: 409, body: { error: { code: "conflict", message: "ws-1.corp already has an active agent", path: "fqdn" } } };
const unavailable = (retryAfter: string) => ({
  status: 503,
  body: { error: { code: "unavailable", message: "retry later", path: null } },
  headers: { "retry-after": retryAfter },
});
const enrollKeys = () => seen.filter((s) => s.url === "/api/v1/enroll").map((s) => JSON.parse(s.body).installationKey as unknown);
const keyFile = (ctx: SendContext) => path.join(ctx.state.dir, INSTALLATION_KEY_FILE);
const logged = () => vi.spyOn(console, "error").mockImplementation(() => undefined);

function context(serverUrl: string, payloads = 1, secret: string | null = "secret-123"): SendContext {
  const dir = testTempDir("ident");
  const spool = new Spool(dir);
  for (let i = 1; i <= payloads; i += 1) spool.write(spoolName(new Date(Date.UTC(2026, 10, 25, 10, i)), i), `{"n":${i}}`);
  const ctx = { server: serverUrl, enrollSecret: secret, hostname: "ws-1", fqdn: "ws-1.corp", spool, deadline: Date.now() + 10_000 };
  return { ...ctx, state: new AgentState(dir), random: () => 0.5 };
}
const withToken = (ctx: SendContext) =>
  ctx.state.writeToken({ server: ctx.server, agentId: "a", token: "old", fqdn: "ws-1.corp", enrolledAt: "x" });

describe("installation key", () => {
  it("is generated once at the first enrollment (0600, base64url of 32 bytes) and sent again on re-enrollment", async () => {
    const url = await serve({
      "/api/v1/enroll": [enrolled("t1"), enrolled("t2")],
      "/api/v1/ingest": [{ status: 401, body: { error: { code: "unauthorized" } } }, ok],
    });
    const ctx = context(url);
    logged();
    expect(await sendSpool(ctx)).toMatchObject({ sent: 1, reenrolled: true });
    const [first, again] = enrollKeys();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(again).toBe(first);
    expect(readFileSync(keyFile(ctx), "utf8").trim()).toBe(first);
    if (process.platform !== "win32") expect(statSync(keyFile(ctx)).mode & 0o777).toBe(0o600);
  });

  it("survives a lost token: the same installation enrolls again with its key", async () => {
    const url = await serve({ "/api/v1/enroll": [enrolled("t1"), enrolled("t2")], "/api/v1/ingest": [ok, ok] });
    const ctx = context(url);
    logged();
    await sendSpool(ctx);
    ctx.spool.write(spoolName(new Date(), 9), "{}");
    rmSync(path.join(ctx.state.dir, "token.json"));
    expect(await sendSpool(ctx)).toMatchObject({ sent: 1 });
    const keys = enrollKeys();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("is not replaced when a token exists but the key file is lost: enrolls without it and warns", async () => {
    const url = await serve({ "/api/v1/enroll": [enrolled("t2")], "/api/v1/ingest": [{ status: 401, body: {} }, ok] });
    const ctx = context(url);
    withToken(ctx);
    const log = logged();
    expect(await sendSpool(ctx)).toMatchObject({ sent: 1 });
    expect(enrollKeys()).toEqual([undefined]);
    expect(existsSync(keyFile(ctx))).toBe(false);
    expect(log.mock.calls.join("\n")).toMatch(/warning: installation-key\.txt is missing .*Settings > Agents/);
  });

  it("a damaged key file before the first enrollment is set aside and a new key generated", async () => {
    const url = await serve({ "/api/v1/enroll": [enrolled("t1")], "/api/v1/ingest": [ok] });
    const ctx = context(url);
    writeFileSync(keyFile(ctx), "short\n");
    logged();
    await sendSpool(ctx);
    expect(readFileSync(`${keyFile(ctx)}.corrupt`, "utf8")).toBe("short\n");
    expect(enrollKeys()[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("409 conflict on enroll", () => {
  it("stops at once (exit 2) telling an admin to revoke the old agent; no retry, the spool kept", async () => {
    const url = await serve({ "/api/v1/enroll": [conflict, conflict] });
    const ctx = context(url, 2);
    logged();
    const error: unknown = await sendSpool(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(String(error)).toMatch(/ws-1\.corp already has an active agent.*revoke the old agent on the Agents page \(Settings > Agents\)/);
    expect(exitCodeOfError(error)).toBe(EXIT_OPERATOR_MUST_ACT);
    expect(seen).toHaveLength(1);
    expect(ctx.spool.list()).toHaveLength(2);
    expect(existsSync(path.join(ctx.state.dir, "token.json"))).toBe(false);
  });
});

describe("Retry-After", () => {
  it("waits the server's seconds plus jitter on 503 and 429, keeping the payload until the 200", async () => {
    const limited = { status: 429, body: { error: { code: "too_many_requests" } }, headers: { "retry-after": "1" } };
    const url = await serve({ "/api/v1/enroll": [limited, enrolled("t1")], "/api/v1/ingest": [unavailable("1"), ok] });
    const ctx = context(url);
    ctx.random = () => 0.99; // 1 s + 19.8 %
    logged();
    expect(await sendSpool(ctx)).toMatchObject({ sent: 1 });
    const gaps = [seen[1]!.at - seen[0]!.at, seen[3]!.at - seen[2]!.at];
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1180);
      expect(gap).toBeLessThan(1600);
    }
  });

  it("ends the run (payloads spooled, exit 3) when the wait would pass the deadline", async () => {
    const url = await serve({ "/api/v1/ingest": [unavailable("120")] });
    const ctx = context(url, 2);
    withToken(ctx);
    ctx.deadline = Date.now() + 60_000;
    const log = logged();
    const started = Date.now();
    const result = await sendSpool(ctx);
    expect(result).toMatchObject({ sent: 0, remaining: 2, reachedDeadline: true });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(seen).toHaveLength(1);
    expect(log.mock.calls.join("\n")).toMatch(/Retry-After 120 s.*giving up for this run/);
    expect(exitCodeOfRun({ events: 0, spooled: null, dropped: 0, send: result })).toBe(EXIT_SPOOLED);
  });

  it("does not wait for 503 enrollment_disabled: the server's configuration, an operator must act", async () => {
    const url = await serve({ "/api/v1/enroll": [{ status: 503, body: { error: { code: "enrollment_disabled" } } }] });
    const ctx = context(url);
    logged();
    await expect(sendSpool(ctx)).rejects.toThrow(FatalError);
    expect(seen).toHaveLength(1);
  });
});
