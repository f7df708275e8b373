// @ts-check
// The production server (`npm start`, the tests, the bench): Next.js's own request handler behind a plain
// Node http server that admits agent check-ins before Next.js sees them. Measured (bench overload phase,
// docs/scaling.md round 4): with the gate only inside the route, 320 agents flooding the server had their
// refusals answered in p95 2.5 s and accepted check-ins in p95 1.4 s, because every request first went
// through Next.js's routing, proxy and body handling while hundreds were in flight. Here a check-in beyond
// the admitted number costs a few microseconds and is answered 503 + Retry-After at once; those admitted
// still pass the route's own gate (lib/access/http/admission.ts), which orders them.
// Plain JavaScript: it is run by node itself, as `next start` is (Node 20 does not strip types).
// Arguments: <app dir> <port> <host> <agent requests admitted at once>; the refusal in KMSWATCH_DOOR_REFUSAL.
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

const [dir = ".", portText = "3000", host = "127.0.0.1", admittedText = "32"] = process.argv.slice(2);
const port = Number(portText);
const admittedAtOnce = Number(admittedText);
// Before Next.js (and React) load, as `next start` does: they pick their production builds from it.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

/** The agent routes the gate counts: check-ins (enrolment and the parse preview are rare and cheap). */
const isAgentCheckin = (/** @type {http.IncomingMessage} */ req) =>
  req.method === "POST" && /^\/api\/v1\/ingest\/?(\?|$)/.test(req.url ?? "");

let inFlight = 0;
let refused = 0;

/**
 * KMSWATCH_DOOR_TIMINGS=1 (the bench sets it): every 10 s with check-ins, one line on stderr with how long the
 * admitted ones spent inside the server (arrival here to answer sent) and how many were refused, so that the
 * time a load generator measures can be split into the server's and the rest (its own waiting, the network).
 */
const timings = process.env.KMSWATCH_DOOR_TIMINGS === "1";
const recent = { admittedMs: /** @type {number[]} */ ([]), refused: 0, peakInFlight: 0 };
if (timings) {
  // How late the event loop ran (the door included): a request waits that long before anyone here sees it.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  setInterval(() => {
    const times = recent.admittedMs.sort((a, b) => a - b);
    if (times.length === 0 && recent.refused === 0) return;
    const at = (/** @type {number} */ q) => (times[Math.min(times.length - 1, Math.floor((q / 100) * times.length))] ?? 0).toFixed(0);
    console.error(
      `[door] 10 s: ${times.length} check-ins answered (in the server p50 ${at(50)} ms, p95 ${at(95)} ms, max ${at(100)} ms), ${recent.refused} refused at the door, at most ${recent.peakInFlight} inside at once, event loop late by p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
    );
    loopDelay.reset();
    Object.assign(recent, { admittedMs: [], refused: 0, peakInFlight: inFlight });
  }, 10_000).unref();
}

/**
 * The answer to a check-in past the admitted number, prepared by the launcher (scripts/lib/next-process.ts) from
 * the project's own error answer and security headers: `{ status, headers, body }`.
 */
if (!process.env.KMSWATCH_DOOR_REFUSAL) throw new Error("KMSWATCH_DOOR_REFUSAL is not set: start the server with `npm start`");
const refusal = /** @type {{ status: number; headers: Record<string, string>; body: string }} */ (
  JSON.parse(process.env.KMSWATCH_DOOR_REFUSAL)
);

function refuse(/** @type {http.ServerResponse} */ res) {
  refused += 1;
  recent.refused += 1;
  res.writeHead(refusal.status, { ...refusal.headers, "content-length": Buffer.byteLength(refusal.body) });
  res.end(refusal.body);
}

const app = next({ dev: false, dir, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  if (isAgentCheckin(req)) {
    if (inFlight >= admittedAtOnce) return refuse(res);
    inFlight += 1;
    recent.peakInFlight = Math.max(recent.peakInFlight, inFlight);
    const arrived = performance.now();
    // 'close' fires once whether the answer was sent or the agent went away.
    res.once("close", () => {
      inFlight -= 1;
      if (timings) recent.admittedMs.push(performance.now() - arrived);
    });
  }
  handle(req, res).catch((/** @type {unknown} */ error) => {
    console.error(`[server] ${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});

// Idle keep-alive connections are kept longer than an agent waits after a refusal (Retry-After plus jitter):
// with Node's 5 s, the server closed them just as the agents reused them (ECONNRESET in the bench's overload).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (refused > 0) console.log(`[server] ${refused} check-ins refused at the door (over ${admittedAtOnce} at once)`);
  // As `next start` does: stop accepting, let requests in flight finish, then close Next.js (its after() work).
  server.close(() => void app.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

// Said as `next start` says it ("Ready in"), which people and the replica test look for.
server.listen(port, host, () =>
  console.log(`✓ Ready in ${Math.round(performance.now())}ms on http://${host}:${port} (${admittedAtOnce} check-ins admitted at once)`),
);
