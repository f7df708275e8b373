// Runs the real Next.js server as a child process and waits until it answers /api/health: `next dev`, or
// in production Next.js's handler behind the check-in gate of front-server.mjs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { agentAdmissionSchema } from "../../lib/core/env.ts";
import { ApiError, errorResponse } from "../../lib/core/errors.ts";
import { newNonce, securityHeaders } from "../../lib/access/http/securityHeaders.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const FRONT_SERVER = path.join(import.meta.dirname, "front-server.mjs");

/**
 * How the door answers a check-in it cannot admit: the one error answer (errorResponse: status, JSON shape,
 * Retry-After) with the headers every answer carries (securityHeaders, as proxy.ts sets them), written here
 * once because the door runs as plain JavaScript and cannot import them.
 */
async function doorRefusal(retryAfterSeconds: number, env: NodeJS.ProcessEnv): Promise<string> {
  const refusal = errorResponse(
    new ApiError("overloaded", `server busy (check-ins at capacity): retry after ${retryAfterSeconds} s`, null, { retryAfterSeconds }),
  );
  const headers = {
    ...Object.fromEntries(refusal.headers),
    ...securityHeaders({ nonce: newNonce(), https: env.KMSWATCH_COOKIE_SECURE === "true", dev: false }),
    "cache-control": "no-store",
  };
  return JSON.stringify({ status: refusal.status, headers, body: await refusal.text() });
}

/**
 * KMSWATCH_SERVER_CPU_PROF_DIR (set by `npm run bench -- --profile`): the server writes V8 CPU profiles there
 * (`--cpu-prof`), one for its main thread and one per worker thread, when it exits (it stops gracefully on SIGTERM).
 */
const profileArgs = (env: NodeJS.ProcessEnv) => {
  const dir = env.KMSWATCH_SERVER_CPU_PROF_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
};

/** The child's command line and environment: production admits at most CONCURRENCY + QUEUE check-ins into Next.js at once. */
async function serverProcess(mode: "dev" | "start", dir: string, port: number, host: string, env: NodeJS.ProcessEnv) {
  const base = { NEXT_TELEMETRY_DISABLED: "1", ...env };
  if (mode === "dev") return { args: [...profileArgs(env), NEXT_BIN, "dev", "-p", String(port), "-H", host], env: base };
  const admission = agentAdmissionSchema.parse(env);
  const admitted = admission.KMSWATCH_AGENT_CONCURRENCY + admission.KMSWATCH_AGENT_QUEUE;
  const refusal = await doorRefusal(admission.KMSWATCH_OVERLOAD_RETRY_AFTER_SECONDS, env);
  return {
    args: [...profileArgs(env), FRONT_SERVER, dir, String(port), host, String(admitted)],
    env: { ...base, KMSWATCH_DOOR_REFUSAL: refusal },
  };
}

export type NextServer = { url: string; child: ChildProcess; stop: () => Promise<void> };

export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env): void {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("[app] no production build yet: running `next build` (about a minute)");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) throw new Error("next build failed");
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Next.js server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Next.js server did not become healthy at ${url} within ${timeoutMs} ms`);
}

export async function startNext(options: {
  mode: "dev" | "start";
  port: number;
  host?: string;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
  timeoutMs?: number;
  /** Folder holding the build to serve (the repository by default). */
  cwd?: string;
  /** Told the server's pid as soon as it is spawned (the guardian stops it if we are killed). */
  onSpawn?: (pid: number) => void;
}): Promise<NextServer> {
  const host = options.host ?? "127.0.0.1";
  const cwd = options.cwd ?? ROOT;
  const server = await serverProcess(options.mode, cwd, options.port, host, options.env);
  const child = spawn(process.execPath, server.args, {
    cwd,
    env: server.env,
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  if (child.pid) options.onSpawn?.(child.pid);
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  try {
    await waitForHealth(url, child, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}
