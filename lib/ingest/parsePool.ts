// Parses large ingest bodies (event batches: hundreds of events of XML) in worker threads. A 500-event batch
// costs about 20 ms of JSON and XML parsing, a third of the server's CPU for that request; on the event loop
// it held every other request back, in a worker it runs beside them and beside PostgreSQL's work.
// Small bodies (the hourly check-in) are parsed in place: the hop to a thread would cost more than the parse.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/core/env";
import { ApiError, type ErrorCode } from "@/lib/core/errors";
import { prepareRequestBytes, type PreparedRequest } from "@/lib/ingest/prepareRequest";

export type ParseAnswer =
  | { ok: true; value: PreparedRequest }
  | { ok: false; error: { code: ErrorCode; message: string; path: string | null } }
  | { ok: false; error: null; message: string };

/** Bodies below this are parsed on the event loop. */
export const WORKER_MIN_BYTES = 64 * 1024;

type Job = { bytes: Uint8Array; resolve: (value: PreparedRequest) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; job: Job | null };
/** `failures`: workers lost in a row; past MAX_FAILURES the pool is given up and bodies are parsed in place. */
type PoolState = { slots: Slot[]; queue: Job[]; failures: number; threads?: number };
const MAX_FAILURES = 3;

const globalForPool = globalThis as unknown as { kmswatchParsePool?: PoolState };
const pool = (globalForPool.kmswatchParsePool ??= { slots: [], queue: [], failures: 0 });

/**
 * Worker threads: KMSWATCH_PARSE_THREADS, else one per core left beside the event loop (2 to 4). During an ingest
 * the event loop mostly waits on PostgreSQL: on 2 cores a single parse thread was the bottleneck (4 agents'
 * batches queued for it while a core idled), so two parse there.
 */
export function parseThreads(configured: number | undefined, cores = availableParallelism()): number {
  return configured ?? Math.min(4, Math.max(2, cores - 1));
}

function parseInPlace(job: Job): void {
  try {
    job.resolve(prepareRequestBytes(job.bytes));
  } catch (error) {
    job.reject(error as Error);
  }
}

function settle(job: Job, answer: ParseAnswer): void {
  if (answer.ok) job.resolve(answer.value);
  else if (answer.error) job.reject(new ApiError(answer.error.code, answer.error.message, answer.error.path));
  else job.reject(new Error(`ingest parse worker: ${answer.message}`));
}

function spawn(): Slot {
  const slot: Slot = { worker: new Worker(new URL("./parseWorker.ts", import.meta.url)), job: null };
  slot.worker.unref();
  slot.worker.on("message", (answer: ParseAnswer) => {
    const job = slot.job;
    slot.job = null;
    pool.failures = 0;
    if (job) settle(job, answer);
    pump();
  });
  // A lost worker is replaced, and its request parsed in place: the body was copied to it, not moved.
  const drop = (reason: string) => {
    if (!pool.slots.includes(slot)) return;
    pool.slots = pool.slots.filter((s) => s !== slot);
    pool.failures += 1;
    console.error(`[ingest] parse worker stopped (${reason})${pool.failures >= MAX_FAILURES ? "; parsing in place from now on" : ""}`);
    const job = slot.job;
    slot.job = null;
    if (job) parseInPlace(job);
    pump();
  };
  slot.worker.on("error", (error) => drop(error.message));
  slot.worker.on("exit", (code) => drop(`exit code ${code}`));
  pool.slots.push(slot);
  return slot;
}

/** Settled once per process: every request asks. */
const threads = () => (pool.threads ??= parseThreads(env().KMSWATCH_PARSE_THREADS));
const usable = () => threads() > 0 && pool.failures < MAX_FAILURES;

function pump(): void {
  while (pool.queue.length > 0) {
    if (!usable()) {
      parseInPlace(pool.queue.shift() as Job);
      continue;
    }
    const slot = pool.slots.find((s) => s.job === null) ?? (pool.slots.length < threads() ? spawn() : null);
    if (!slot) return;
    const job = pool.queue.shift() as Job;
    slot.job = job;
    slot.worker.postMessage(job.bytes);
  }
}

/** The body prepared for storing; throws the same ApiError as parsing in place would. */
export function prepareRequest(bytes: Uint8Array): Promise<PreparedRequest> {
  if (bytes.byteLength < WORKER_MIN_BYTES || !usable()) {
    return Promise.resolve().then(() => prepareRequestBytes(bytes));
  }
  return new Promise((resolve, reject) => {
    pool.queue.push({ bytes, resolve, reject });
    pump();
  });
}
