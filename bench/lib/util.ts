// Small helpers shared by the benchmark phases: statistics, HTTP with keep-alive, progress output.
import http from "node:http";
import os from "node:os";

export type Stat = { median: number; min: number; max: number; n: number };

export function stat(values: number[]): Stat {
  const v = [...values].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]!, n: v.length };
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * v.length));
  return v[Math.min(v.length, rank) - 1]!;
}

const started = Date.now();
export function log(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s] ${message}`);
}

export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return "n/a";
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

/**
 * retryAfter: the Retry-After header in seconds, when the server sent one (503 overloaded, 429); newConnection: the
 * request opened its own connection (none of the agent's kept-alive ones was free).
 */
export type HttpAnswer = { status: number; text: string; retryAfter?: number; newConnection: boolean };

// node:http with keep-alive rather than fetch: undici costs the harness about as much CPU per request as
// the server spends answering it, and on a 2-core machine that CPU is taken from the server being measured.
// Sockets enough for the overload phase's hundreds of agents at once (the other phases send at most 16 at once).
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/**
 * POST with keep-alive. A kept-alive socket the server closed as idle fails with ECONNRESET on reuse
 * (the documented race of HTTP keep-alive): that request is sent once more on a fresh socket, which is
 * safe here because ingest is idempotent.
 */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  connections: http.Agent = keepAlive,
): Promise<HttpAnswer> {
  try {
    return await postOnce(url, body, headers, connections);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET") {
      return postOnce(url, body, headers, connections);
    }
    throw error;
  }
}

function postOnce(url: string, body: string, headers: Record<string, string>, connections: http.Agent): Promise<HttpAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: "POST",
        agent: connections,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        const retryAfter = Number(response.headers["retry-after"]);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            newConnection: !request.reusedSocket,
            text: Buffer.concat(chunks).toString("utf8"),
            ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
    request.end(body);
  });
}

/** Closes the kept-alive sockets so the bench process can exit. */
export const closeHttp = () => keepAlive.destroy();

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const answer = await post(url, JSON.stringify(body), headers);
  if (answer.status < 200 || answer.status >= 300) throw new Error(`POST ${url} -> ${answer.status}: ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text) as T;
}

/** Runs `task(i)` for i in 0..count-1 with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
