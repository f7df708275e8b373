// Pushes a simulated fleet through the public agent API (enroll once per machine, then ingest its
// check-ins in time order). Used by the simulate CLI, the demo script and integration tests.
import { z } from "zod";
import { buildFleet } from "./simulator/fleet";
import { simulate } from "./simulator/engine";
import { checkinBodies, machineIdentity } from "./simulator/ingest";
import type { IngestBody } from "./simulator/ingest";
import type { Checkin, FleetOptions, SimulationResult } from "./simulator/types";
import type { IngestRequest } from "../lib/kms/protocol";

// Compile-time contract: what the simulator posts must satisfy the server's request schema type.
const bodyMatchesProtocol = (body: IngestBody): IngestRequest => body;
void bodyMatchesProtocol;

/** The subset of the WHATWG fetch the pusher needs, so tests can pass a stub. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; text(): Promise<string> }>;

export type PushProgress = {
  elapsedMs: number;
  machinesDone: number;
  machines: number;
  checkinsDone: number;
  checkins: number;
  requests: number;
  accepted: number;
  duplicates: number;
  rejected: number;
};

export type PushSummary = PushProgress & {
  eventsSent: number;
  /** First few rejection messages, for the operator. */
  rejectedSamples: string[];
  approvedHosts: string[];
};

export type PushFleetOptions = {
  server: string;
  enrollSecret: string;
  /** Either fleet parameters or an already simulated fleet. */
  simulation: FleetOptions | SimulationResult;
  concurrency?: number;
  fetch?: FetchLike;
  /** Attempts after the first one for network errors and 5xx answers. */
  retries?: number;
  backoffMs?: number;
  onProgress?: (p: PushProgress) => void;
  progressIntervalMs?: number;
};

export class PushError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly url: string,
  ) {
    super(message);
    this.name = "PushError";
  }
}

const enrollAnswer = z.object({ agentId: z.string(), token: z.string().min(1) });
const ingestAnswer = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ index: z.number(), error: z.string() })).default([]),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const snippet = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}...` : s);

export async function pushFleet(options: PushFleetOptions): Promise<PushSummary> {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const base = options.server.replace(/\/+$/, "");
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 250;
  const result = "checkins" in options.simulation ? options.simulation : simulate(buildFleet(options.simulation));
  const machines = [...result.checkins.entries()].filter(([, list]) => list.length > 0);
  const started = Date.now();
  const p: PushSummary = {
    elapsedMs: 0,
    machinesDone: 0,
    machines: machines.length,
    checkinsDone: 0,
    checkins: machines.reduce((n, [, l]) => n + l.length, 0),
    requests: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    eventsSent: 0,
    rejectedSamples: [],
    approvedHosts: result.fleet.approvedHosts,
  };
  const snapshot = (): PushProgress => {
    const { eventsSent: _e, rejectedSamples: _r, approvedHosts: _a, ...rest } = p;
    return { ...rest, elapsedMs: Date.now() - started };
  };

  // First fatal error (401/400/unreachable): workers stop picking up machines once it is set.
  let failure: unknown = null;

  async function post(path: string, body: unknown, token?: string): Promise<unknown> {
    const url = `${base}${path}`;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let status: number;
      let text: string;
      try {
        const res = await doFetch(url, { method: "POST", headers, body: payload });
        status = res.status;
        text = await res.text();
      } catch (err) {
        if (attempt >= retries) {
          const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
          throw new PushError(`cannot reach kmswatch server at ${url}: ${cause}`, null, url);
        }
        await sleep(backoffMs * 2 ** attempt);
        continue;
      }
      p.requests++;
      if (status >= 200 && status < 300) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new PushError(`POST ${url} answered ${status} with a non-JSON body: ${snippet(text)}`, status, url);
        }
      }
      if ((status >= 500 || status === 429) && attempt < retries) {
        await sleep(backoffMs * 2 ** attempt);
        continue;
      }
      const hint = status === 401 ? " (bad enroll secret or agent token)" : status === 413 ? " (body too large)" : "";
      throw new PushError(`POST ${url} failed with HTTP ${status}${hint}: ${snippet(text)}`, status, url);
    }
  }

  async function pushMachine(id: string, list: Checkin[]): Promise<void> {
    const identity = machineIdentity(result.fleet, id);
    const enrolled = enrollAnswer.safeParse(await post("/api/v1/enroll", { enrollSecret: options.enrollSecret, ...identity }));
    if (!enrolled.success) throw new PushError(`unexpected enroll answer for ${identity.fqdn}`, null, `${base}/api/v1/enroll`);
    for (const checkin of list) {
      if (failure) return;
      for (const body of checkinBodies(result.fleet, checkin)) {
        const answer = ingestAnswer.safeParse(await post("/api/v1/ingest", body, enrolled.data.token));
        if (!answer.success) throw new PushError(`unexpected ingest answer for ${identity.fqdn}`, null, `${base}/api/v1/ingest`);
        p.accepted += answer.data.accepted;
        p.duplicates += answer.data.duplicates;
        p.rejected += answer.data.rejected.length;
        for (const r of answer.data.rejected) {
          if (p.rejectedSamples.length < 5) p.rejectedSamples.push(`${identity.fqdn} artifact ${r.index}: ${r.error}`);
        }
      }
      p.eventsSent += checkin.events.length;
      p.checkinsDone++;
    }
    p.machinesDone++;
  }

  let nextIndex = 0;
  const worker = async () => {
    while (!failure && nextIndex < machines.length) {
      const [id, list] = machines[nextIndex++]!;
      try {
        await pushMachine(id, list);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  const timer = options.onProgress ? setInterval(() => options.onProgress?.(snapshot()), options.progressIntervalMs ?? 3000) : null;
  try {
    const n = Math.max(1, Math.min(options.concurrency ?? 8, machines.length || 1));
    await Promise.all(Array.from({ length: n }, worker));
  } finally {
    if (timer) clearInterval(timer);
  }
  if (failure) throw failure;
  return { ...p, elapsedMs: Date.now() - started };
}
