// The throw-away server of the integration and browser suites, started as users start it: an embedded
// PostgreSQL in its own scratch folder (under .kmswatch/) and the production Next.js server, on a free port.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { ROOT, startApp } from "../../scripts/lib/app.ts";

export type TestServer = { url: string; databaseUrl: string; stop: () => Promise<void> };

/** `env` adds to the production settings; retention is off, since the fixtures are dated 2024. */
export async function startTestServer(scratchPrefix: string, env: Record<string, string>): Promise<TestServer> {
  mkdirSync(path.join(ROOT, ".kmswatch"), { recursive: true });
  const scratch = mkdtempSync(path.join(ROOT, ".kmswatch", scratchPrefix));
  // mkdtemp makes the folder private; the postgres user must be able to enter it.
  chmodSync(scratch, 0o755);
  // Never touch a developer's own database.
  delete process.env.DATABASE_URL;
  const app = await startApp({
    mode: "start",
    port: await freePort(),
    host: "127.0.0.1",
    dataDir: path.join(scratch, "pg"),
    quiet: true,
    persistent: false,
    env: { NODE_ENV: "production", KMSWATCH_RETAIN_RAW_DAYS: "0", KMSWATCH_RETAIN_HISTORY_DAYS: "0", ...env },
  });
  return {
    url: app.url,
    databaseUrl: app.databaseUrl,
    stop: async () => {
      await app.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
