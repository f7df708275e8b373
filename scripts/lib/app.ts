// Starts the whole app the way users run it: database (DATABASE_URL or embedded), migrations,
// first-start seeding, then Next.js. Shared by `npm run dev|start|demo`.
import path from "node:path";
import { envSchema } from "../../lib/core/env.ts";
import { createServer } from "node:net";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db.ts";
import { startGuardian } from "./guardian.ts";
import { migrate } from "./migrate.ts";
import { buildIfNeeded, startNext, type NextServer } from "./next-process.ts";
import { localSessionSecret } from "./runtime-env.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type RunningApp = { url: string; databaseUrl: string; server: NextServer; stop: () => Promise<void> };

export async function startApp(options: {
  mode: "dev" | "start";
  port: number;
  host: string;
  dataDir: string;
  env?: Record<string, string>;
  quiet?: boolean;
  /** false for throwaway databases (tests, benchmarks): the data directory is deleted on stop. */
  persistent?: boolean;
}): Promise<RunningApp> {
  Object.assign(process.env, options.env ?? {});
  let embedded: EmbeddedDb | undefined;
  // Our children die with us even when we are killed with SIGKILL (guardian.ts).
  const guardian = startGuardian();
  const stopDb = async () => {
    const pid = embedded?.pid();
    await embedded?.stop().catch(() => undefined);
    if (pid) guardian.unwatch(pid);
  };
  try {
    await refuseBusyPort(options.host, options.port);
    if (!process.env.DATABASE_URL) {
      embedded = await startEmbeddedDb({
        dataDir: options.dataDir,
        persistent: options.persistent ?? true,
        onRestart: (pid) => guardian.watch(pid, "SIGINT"),
      });
      const pid = embedded.pid();
      if (pid) guardian.watch(pid, "SIGINT"); // SIGINT: PostgreSQL's fast shutdown
      process.env.DATABASE_URL = embedded.url;
    }
    process.env.KMSWATCH_SESSION_SECRET ??= localSessionSecret(ROOT);
    const config = envSchema.safeParse(process.env);
    if (!config.success) {
      throw new Error(`invalid configuration: ${config.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    await migrate(config.data.DATABASE_URL);
    // Imported late: these modules read the (now complete) environment when first used.
    const { seedFromEnv } = await import("../../lib/access/seedFromEnv.ts");
    const seeded = await seedFromEnv(config.data);
    if (seeded.adminCreated) console.log(`[app] created the first admin: ${seeded.adminCreated}`);
    if (seeded.approvedHostsSeeded) console.log(`[app] approved ${seeded.approvedHostsSeeded} KMS host(s) from KMSWATCH_APPROVED_HOSTS`);
    if (!config.data.KMSWATCH_ENROLL_SECRET) console.warn("[app] KMSWATCH_ENROLL_SECRET is not set: agents cannot enroll");
    if (options.mode === "start") buildIfNeeded(process.env);
    const server = await startNext({
      mode: options.mode,
      port: options.port,
      host: options.host,
      env: process.env,
      quiet: options.quiet,
      onSpawn: (pid) => guardian.watch(pid, "SIGTERM"),
    });
    return {
      url: server.url,
      databaseUrl: config.data.DATABASE_URL,
      server,
      stop: async () => {
        await server.stop();
        if (server.child.pid) guardian.unwatch(server.child.pid);
        await stopDb();
      },
    };
  } catch (error) {
    await stopDb();
    throw error;
  }
}

/** A port already taken (often by a next-server an earlier, killed run left behind) is said plainly. */
async function refuseBusyPort(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `port ${port} is already in use on ${host}: another kmswatch (or other server) is running there; stop it, or set PORT`,
            )
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Stops the app on Ctrl-C / SIGTERM, and exits when Next.js exits on its own. */
export function stopOnSignals(app: RunningApp): void {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  app.server.child.on("exit", (code) => void stop(code ?? 1));
}
