// Integration tests run against the real thing: an embedded PostgreSQL on a free port and the
// production Next.js server (`next start`, built by `npm test`) on another free port.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedDb } from "../../scripts/lib/embedded-db.ts";
import { migrate } from "../../scripts/lib/migrate.ts";
import { buildIfNeeded, startNext } from "../../scripts/lib/next-process.ts";

export const ENROLL_SECRET = "integration-enroll-secret";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    enrollSecret: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  mkdirSync(path.join(root, ".kmswatch"), { recursive: true });
  const scratch = mkdtempSync(path.join(root, ".kmswatch", "test-"));
  const database = await startEmbeddedDb({ dataDir: path.join(scratch, "pg"), persistent: false, log: () => undefined });
  await migrate(database.url, () => undefined);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    KMSWATCH_ENROLL_SECRET: ENROLL_SECRET,
    NODE_ENV: "production" as const,
  };
  buildIfNeeded(env);
  const server = await startNext({ mode: "start", port: await freePort(), env, quiet: true });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", database.url);
  project.provide("enrollSecret", ENROLL_SECRET);
  return async () => {
    await server.stop();
    await database.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
