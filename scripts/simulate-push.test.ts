import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { pushFleet, PushError } from "./simulate-push";

type Recorded = { path: string; auth: string | undefined; bytes: number; body: unknown };

// Mirrors lib/protocol.ts (which the unit project cannot import: it uses the "@/" alias).
const enrollSchema = z.object({ enrollSecret: z.string().min(1), hostname: z.string().regex(/^[A-Za-z0-9._-]+$/), fqdn: z.string() });
const ingestSchema = z.object({
  collectedAt: z.iso.datetime({ offset: true }),
  agentVersion: z.string().min(1),
  artifacts: z
    .array(
      z.discriminatedUnion("type", [
        z.object({ type: z.literal("dlv"), text: z.string() }),
        z.object({
          type: z.literal("cim"),
          service: z.record(z.string(), z.unknown()),
          products: z.array(z.record(z.string(), z.unknown())),
        }),
        z.object({
          type: z.literal("events"),
          log: z.enum(["Application", "Key Management Service"]),
          xml: z.string().startsWith("<Event xmlns="),
        }),
      ]),
    )
    .min(1),
});

let server: Server;
let url = "";
let requests: Recorded[] = [];
/** Test knobs: fail the next N ingests with 503, or answer every ingest with this status. */
let fail503 = 0;
let forceStatus: number | null = null;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

beforeAll(async () => {
  let agents = 0;
  server = createServer(async (req, res) => {
    const text = await readBody(req);
    const body: unknown = JSON.parse(text);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    requests.push({ path: req.url ?? "", auth: req.headers.authorization, bytes: Buffer.byteLength(text), body });
    if (req.url === "/api/v1/enroll") {
      const e = enrollSchema.safeParse(body);
      if (!e.success || e.data.enrollSecret !== "s3cret") return send(401, { error: { code: "unauthorized", message: "bad secret" } });
      agents++;
      return send(201, { agentId: `00000000-0000-4000-8000-${String(agents).padStart(12, "0")}`, token: `tok-${e.data.fqdn}` });
    }
    if (req.url === "/api/v1/ingest") {
      if (forceStatus) return send(forceStatus, { error: { code: "x", message: "forced", path: [] } });
      if (fail503 > 0) {
        fail503--;
        return send(503, { error: { code: "busy", message: "try later" } });
      }
      if (!req.headers.authorization?.startsWith("Bearer tok-"))
        return send(401, { error: { code: "unauthorized", message: "bad token" } });
      const b = ingestSchema.safeParse(body);
      if (!b.success) return send(400, { error: { code: "invalid", message: b.error.message, path: [] } });
      return send(200, { accepted: b.data.artifacts.length, duplicates: 0, rejected: [] });
    }
    send(404, { error: { code: "not_found", message: "no route" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
  fail503 = 0;
  forceStatus = null;
});

const simulation = {
  hosts: 1,
  clients: 12,
  days: 15,
  seed: 3,
  end: Date.parse("2024-06-01T12:00:00Z"),
  scenarios: ["healthy", "firewall", "low-count", "dns-publish-failure"] as const,
};
const base = { server: url, enrollSecret: "s3cret", concurrency: 4, backoffMs: 1 };

describe("pushFleet against a protocol stub", () => {
  it("enrolls each machine once, uses its bearer token, posts in time order, stays under 1 MB", async () => {
    const summary = await pushFleet({ ...base, server: url, simulation: { ...simulation, scenarios: [...simulation.scenarios] } });
    const enrolls = requests.filter((r) => r.path === "/api/v1/enroll");
    const fqdns = enrolls.map((r) => enrollSchema.parse(r.body).fqdn);
    expect(new Set(fqdns).size).toBe(fqdns.length);
    expect(fqdns.length).toBe(summary.machines);
    expect(summary.machines).toBe(12 + 15 + 2);

    const ingests = requests.filter((r) => r.path === "/api/v1/ingest");
    expect(ingests.length).toBe(summary.requests - enrolls.length);
    const lastAt = new Map<string, number>();
    for (const r of ingests) {
      expect(r.bytes).toBeLessThan(1_000_000);
      const token = r.auth?.replace(/^Bearer /, "") ?? "";
      expect(fqdns).toContain(token.replace(/^tok-/, ""));
      const at = Date.parse(ingestSchema.parse(r.body).collectedAt);
      expect(at).toBeGreaterThan(lastAt.get(token) ?? 0);
      lastAt.set(token, at);
    }
    expect(lastAt.size).toBe(summary.machines);
    expect(summary.accepted).toBe(ingests.reduce((n, r) => n + ingestSchema.parse(r.body).artifacts.length, 0));
    expect(summary.rejected).toBe(0);
    expect(summary.eventsSent).toBeGreaterThan(50);
    expect(summary.checkinsDone).toBe(summary.checkins);
  });

  it("retries 5xx answers with backoff", async () => {
    fail503 = 3;
    const summary = await pushFleet({ ...base, server: url, simulation: { ...simulation, scenarios: ["healthy"] } });
    expect(requests.filter((r) => r.path === "/api/v1/ingest").length).toBe(summary.checkins + 3);
  });

  it("stops with a clear error on 400 and 401", async () => {
    forceStatus = 400;
    await expect(pushFleet({ ...base, server: url, simulation: { ...simulation, scenarios: ["healthy"] } })).rejects.toThrow(
      /\/api\/v1\/ingest failed with HTTP 400/,
    );
    await expect(
      pushFleet({ ...base, server: url, enrollSecret: "wrong", simulation: { ...simulation, scenarios: ["healthy"] } }),
    ).rejects.toThrow(/HTTP 401 \(bad enroll secret or agent token\)/);
  });

  it("names the URL when the server is unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await pushFleet({
      ...base,
      server: `http://127.0.0.1:${port}`,
      retries: 1,
      simulation: { ...simulation, scenarios: ["healthy"] },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushError);
    expect((err as PushError).message).toContain(`cannot reach kmswatch server at http://127.0.0.1:${port}/api/v1/enroll`);
  });

  it("reports progress through the callback", async () => {
    const seen: number[] = [];
    await pushFleet({
      ...base,
      server: url,
      concurrency: 1,
      progressIntervalMs: 1,
      simulation: { ...simulation, scenarios: ["healthy"] },
      onProgress: (p) => seen.push(p.requests),
    });
    expect(seen.length).toBeGreaterThan(0);
  });
});
