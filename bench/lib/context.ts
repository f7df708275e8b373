// What every benchmark phase gets: the running server, the database and the run options.
import type pg from "pg";
import type { NextServer } from "../../scripts/lib/next-process.ts";

export type BenchOptions = {
  quick: boolean;
  clients: number;
  hosts: number;
  days: number;
  runs: number;
  /** Skip phases (for debugging the harness): ingest, checkins, overload, dashboard, agent. */
  skip: Set<string>;
  /** Build a private snapshot of the web app instead of using ./.next (see bench/lib/server.ts). */
  privateBuild: boolean;
};

export type BenchContext = {
  baseUrl: string;
  databaseUrl: string;
  enrollSecret: string;
  adminEmail: string;
  adminPassword: string;
  pool: pg.Pool;
  /** The measured server's process id (its resident memory is summed over its process tree). */
  serverPid: number | undefined;
  options: BenchOptions;
  resultsDir: string;
  /** Another replica of the same build on the same database (as behind a load balancer); the caller stops it. */
  startReplica: () => Promise<NextServer>;
};

export type Enrolled = { agentId: string; token: string; fqdn: string };
