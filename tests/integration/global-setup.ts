// Integration tests run against the real thing, started the way users start it: an embedded
// PostgreSQL and the production Next.js server (`next start`, built by `npm test`), on free ports.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startTestServer } from "../support/testServer.ts";

export const ENROLL_SECRET = "integration-enroll-secret";
export const METRICS_TOKEN = "integration-metrics-token-0123456789";
export const ADMIN = { email: "admin@integration.kmswatch.example", password: "integration-admin-password" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    enrollSecret: string;
    admin: { email: string; password: string };
    metricsToken: string;
    /** For a second replica on the same database (replicas.test.ts): it must seal sessions alike. */
    sessionSecret: string;
  }
}

export default async function setup(project: TestProject) {
  // The fixtures are dated 2024: the retention job (first pass 10 minutes after a server starts) would delete
  // their events in the middle of a long run. Keep everything here (0 = forever); retention.test.ts runs the job
  // itself with its own policy. Set in process.env too, for the servers test files start themselves.
  process.env.KMSWATCH_RETAIN_RAW_DAYS = "0";
  process.env.KMSWATCH_RETAIN_HISTORY_DAYS = "0";
  const sessionSecret = randomBytes(32).toString("hex");
  const app = await startTestServer("test-", {
    KMSWATCH_ENROLL_SECRET: ENROLL_SECRET,
    KMSWATCH_SESSION_SECRET: sessionSecret,
    KMSWATCH_ADMIN_EMAIL: ADMIN.email,
    KMSWATCH_ADMIN_PASSWORD: ADMIN.password,
    KMSWATCH_APPROVED_HOSTS: "kms01.corp.contoso.com,kms-par01.fr.contoso.com",
    KMSWATCH_METRICS_TOKEN: METRICS_TOKEN,
  });
  project.provide("baseUrl", app.url);
  project.provide("databaseUrl", app.databaseUrl);
  project.provide("enrollSecret", ENROLL_SECRET);
  project.provide("admin", ADMIN);
  project.provide("metricsToken", METRICS_TOKEN);
  project.provide("sessionSecret", sessionSecret);
  return app.stop;
}
