// Starts the app as users do (embedded PostgreSQL + `next start`) and feeds it a small simulated
// fleet through the agent API; the URL and credentials reach the tests through the environment.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { ROOT } from "../../scripts/lib/app.ts";
import { startTestServer } from "../support/testServer.ts";
import { pushFleet } from "../../scripts/simulate-push.ts";
import { buildFleet } from "../../scripts/simulator/fleet.ts";
import { simulate } from "../../scripts/simulator/engine.ts";

export const E2E_ADMIN = { email: "admin@e2e.kmswatch.example", password: "e2e-admin-password" };
/** One sign-in for the whole suite: the session cookie, saved as Playwright storage state. */
export const STORAGE_STATE = path.join(ROOT, "test-results", "e2e-admin.json");

async function saveSignedInState(url: string) {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(E2E_ADMIN),
  });
  const setCookie = response.headers.get("set-cookie") ?? "";
  const [pair] = setCookie.split(";");
  const [name, ...value] = (pair ?? "").split("=");
  if (response.status !== 200 || !name) throw new Error(`e2e sign-in failed: ${response.status}`);
  const { hostname } = new URL(url);
  const cookie = { name, value: value.join("="), domain: hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" };
  mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
  writeFileSync(STORAGE_STATE, JSON.stringify({ cookies: [cookie], origins: [] }));
}

export default async function globalSetup() {
  const simulation = simulate(
    buildFleet({
      hosts: 2,
      clients: 150,
      days: 35,
      seed: 3,
      end: Date.now(),
      scenarios: ["healthy", "duplicate-cmid", "rogue-host", "firewall", "mak-clients", "epid-impostor"],
    }),
  );
  const enrollSecret = "e2e-enroll-secret";
  const app = await startTestServer("e2e-", {
    KMSWATCH_ENROLL_SECRET: enrollSecret,
    KMSWATCH_SESSION_SECRET: randomBytes(32).toString("hex"),
    KMSWATCH_ADMIN_EMAIL: E2E_ADMIN.email,
    KMSWATCH_ADMIN_PASSWORD: E2E_ADMIN.password,
    KMSWATCH_APPROVED_HOSTS: simulation.fleet.approvedHosts.join(","),
  });
  await pushFleet({ server: app.url, enrollSecret, simulation, concurrency: 6 });
  await saveSignedInState(app.url);
  process.env.KMSWATCH_E2E_URL = app.url;
  process.env.KMSWATCH_E2E_ENROLL_SECRET = enrollSecret;
  process.env.KMSWATCH_E2E_EMAIL = E2E_ADMIN.email;
  process.env.KMSWATCH_E2E_PASSWORD = E2E_ADMIN.password;
  return app.stop;
}
