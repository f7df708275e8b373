// `npm run demo`: the app on its own embedded PostgreSQL (./.kmswatch/demo), fed once with a
// simulated mixed fleet through the real agent API, then left running until Ctrl-C. The URL is printed only
// once the fleet is loaded (Next's own "Ready on http://…" is silenced), so nobody opens a half-empty fleet.
import path from "node:path";
import { buildFleet } from "./simulator/fleet";
import { simulate } from "./simulator/engine";
import { scenarioNames, type ScenarioName } from "./simulator/types";
import { ROOT, startApp, stopOnSignals } from "./lib/app.ts";
import { pushFleet } from "./simulate-push";
import { pushActivation2026 } from "./simulator/scenarios/pushActivation2026";
import pg from "pg";

// The demo shows every situation the simulator knows.
const DEMO_SCENARIOS: ScenarioName[] = [...scenarioNames];
const port = Number(process.env.PORT ?? 3000);
const admin = {
  email: process.env.KMSWATCH_ADMIN_EMAIL ?? "admin@kmswatch.local",
  password: process.env.KMSWATCH_ADMIN_PASSWORD ?? "kmswatch-demo",
};
const enrollSecret = process.env.KMSWATCH_ENROLL_SECRET ?? "demo-enroll-secret";

const simulation = simulate(buildFleet({ hosts: 3, clients: 500, days: 45, scenarios: DEMO_SCENARIOS, seed: 1, end: Date.now() }));

/** Each machine's alerts are evaluated after its own ingest, but a host's findings that come from its clients
 * (unreachable clients, ePIDs they received) wait for the periodic fleet pass: run that pass now, as the admin's
 * "Evaluate now" does, so the first visitor's lists agree with the host pages. */
async function settleAlerts(url: string): Promise<void> {
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
  if (!signIn.ok || !cookie) return;
  await fetch(`${url}/api/dashboard/alerts/evaluate`, { method: "POST", headers: { cookie } });
}

async function machineCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM machine")).rows[0]!.n);
  } finally {
    await client.end();
  }
}

try {
  const started = Date.now();
  console.log("[demo] starting PostgreSQL and kmswatch…");
  const app = await startApp({
    mode: "start",
    port,
    // Next prints its URL as soon as it listens; the demo prints it once the data is in.
    quiet: true,
    host: process.env.HOST ?? "0.0.0.0",
    // The demo keeps its own database so it never mixes simulated machines into real data.
    dataDir: path.join(ROOT, ".kmswatch", "demo"),
    env: {
      KMSWATCH_ENROLL_SECRET: enrollSecret,
      KMSWATCH_ADMIN_EMAIL: admin.email,
      KMSWATCH_ADMIN_PASSWORD: admin.password,
      KMSWATCH_APPROVED_HOSTS: process.env.KMSWATCH_APPROVED_HOSTS ?? simulation.fleet.approvedHosts.join(","),
    },
  });
  stopOnSignals(app);
  if ((await machineCount(app.databaseUrl)) === 0) {
    console.log(`[demo] pushing a simulated fleet (${DEMO_SCENARIOS.join(", ")}) through the agent API…`);
    const summary = await pushFleet({
      server: app.url,
      enrollSecret,
      simulation,
      concurrency: 8,
      onProgress: (p) => console.log(`[demo] ${p.machinesDone}/${p.machines} machines, ${p.requests} requests, ${p.accepted} accepted`),
      progressIntervalMs: 5000,
    });
    console.log(
      `[demo] fleet loaded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${summary.machines} machines, ${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.rejected} rejected`,
    );
    // Activation in 2026 (hardware-secured readiness, key coverage, ADBA, retail media, Office LTSC 2024).
    const sites2026 = await pushActivation2026(app.url, enrollSecret, "act2026.contoso.com");
    console.log(`[demo] activation-2026 scenario: ${sites2026.length} machines`);
  } else {
    console.log(
      `[demo] ready in ${((Date.now() - started) / 1000).toFixed(0)} s; the demo database already has data (delete ./.kmswatch/demo to start over)`,
    );
  }
  // After every push (the 2026 sites too) and on a restart alike: the lists agree with the host pages at once.
  await settleAlerts(app.url);
  console.log(`
  kmswatch demo is running: http://localhost:${port}
  Sign in with  ${admin.email}  /  ${admin.password}
  Agents enroll with the secret  ${enrollSecret}
  Stop with Ctrl-C.`);
} catch (error) {
  console.error(`[demo] ${(error as Error).message}`);
  process.exit(1);
}
