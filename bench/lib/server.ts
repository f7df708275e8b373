// The production server for the bench. Normally the shared build (`buildIfNeeded` + `startNext`, as
// `npm start` does). While other work holds or breaks the shared .next (a build in progress, a type
// error elsewhere in the repository), the bench builds a private snapshot of the web app (app/, lib/,
// prisma/ and the configs, without tests) in bench/.app (hidden, so tsc and vitest globs skip it;
// inside the repository so node_modules resolves) and runs `next start` from there, so a rebuild of
// ./.next during a 20-minute run cannot pull the server from under it. Removed when the bench ends.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../scripts/lib/embedded-db.ts";
import { buildIfNeeded, startNext, type NextServer } from "../../scripts/lib/next-process.ts";
import { log } from "./util";

export const snapshotDir = (root: string) => path.join(root, "bench", ".app");

const SNAPSHOT = ["app", "lib", "prisma", "public", "next.config.ts", "tsconfig.json", "package.json", "next-env.d.ts", "prisma.config.ts"];

/** The running server, and a way to start more replicas of the same build on the same database. */
export type BenchServer = { server: NextServer; build: string; startReplica: () => Promise<NextServer> };

/** `next start` of the build in `cwd` (the repository's by default); replicas pass no port and get a free one. */
async function startBuild(env: NodeJS.ProcessEnv, cwd?: string, port?: number): Promise<NextServer> {
  return startNext({ mode: "start", port: port ?? (await freePort()), host: "127.0.0.1", env, quiet: true, cwd });
}

/** Copies the web app to snapshotDir and builds it there; returns that folder. */
function buildPrivate(root: string, env: NodeJS.ProcessEnv): string {
  const dir = snapshotDir(root);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of SNAPSHOT) {
    if (!existsSync(path.join(root, entry))) continue;
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
  }
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  log(`building a private snapshot of the web app in ${dir} (next build, about a minute)`);
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("next build of the private snapshot failed");
  return dir;
}

export async function startServer(root: string, port: number, env: NodeJS.ProcessEnv, privateBuild: boolean): Promise<BenchServer> {
  const busy = existsSync(path.join(root, ".next", "lock"));
  if (!privateBuild && !busy) {
    try {
      buildIfNeeded(env);
      const server = await startBuild(env, undefined, port);
      return { server, build: "shared ./.next", startReplica: () => startBuild(env) };
    } catch (error) {
      log(`shared build unusable (${(error as Error).message}): falling back to a private snapshot build`);
    }
  } else if (busy) {
    log("another `next build` holds ./.next: using a private snapshot build");
  }
  const dir = buildPrivate(root, env);
  return { server: await startBuild(env, dir, port), build: "private snapshot", startReplica: () => startBuild(env, dir) };
}
