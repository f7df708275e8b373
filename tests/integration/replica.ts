// A second replica of the app on the shared test database, started the way users start one (`npm start` is
// `tsx scripts/serve.ts start`) in its own process group, so stopping it leaves no server behind.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { ROOT } from "../../scripts/lib/app.ts";

export type Replica = { url: string; child: ChildProcess; output: () => string };

/** `npm start` (`tsx scripts/serve.ts start`) on `port` with `env`, in its own process group; its output collected. */
export function spawnServe(port: number, env: Record<string, string | undefined>): Replica {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts"), "start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output };
}

/** `env` adds to (or overrides) the shared server's settings: same database and secrets. */
export async function startReplica(env: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort();
  const admin = inject("admin");
  const replica = spawnServe(port, {
    DATABASE_URL: inject("databaseUrl"),
    KMSWATCH_SESSION_SECRET: inject("sessionSecret"),
    KMSWATCH_ENROLL_SECRET: inject("enrollSecret"),
    KMSWATCH_ADMIN_EMAIL: admin.email,
    KMSWATCH_ADMIN_PASSWORD: admin.password,
    KMSWATCH_METRICS_TOKEN: inject("metricsToken"),
    // Keep what global-setup keeps (retention off for the dated fixtures).
    KMSWATCH_RETAIN_RAW_DAYS: process.env.KMSWATCH_RETAIN_RAW_DAYS ?? "0",
    KMSWATCH_RETAIN_HISTORY_DAYS: process.env.KMSWATCH_RETAIN_HISTORY_DAYS ?? "0",
    ...env,
  });
  const { url, child, output } = replica;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`the replica exited (${child.exitCode}):\n${output()}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return replica;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the replica did not become healthy:\n${output()}`);
}

export async function stopReplica(replica: Replica | undefined): Promise<void> {
  const pid = replica?.child.pid;
  if (!replica || pid === undefined || replica.child.exitCode !== null) return;
  const exited = new Promise((resolve) => replica.child.once("exit", resolve));
  process.kill(-pid, "SIGTERM");
  const timer = setTimeout(() => process.kill(-pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
