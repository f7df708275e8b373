// The bench's command line: `--quick`, `--fleet 300k`, `--clients/--hosts/--days/--runs`, `--skip`, `--private-build`,
// `--profile`.
import path from "node:path";
import type { BenchOptions } from "./context";

/**
 * `--profile`: the measured server (and its replicas) write V8 CPU profiles, main thread and worker threads, to
 * bench/results/profiles/<date-time>/ when they stop (scripts/lib/next-process.ts reads the variable; the server is
 * started with process.env). Read them with Chrome's DevTools or any .cpuprofile viewer.
 */
function enableProfiling(): void {
  const run = new Date().toISOString().slice(0, 19).replace("T", "-").replace(/:/g, "");
  process.env.KMSWATCH_SERVER_CPU_PROF_DIR = path.resolve(import.meta.dirname, "..", "results", "profiles", run);
}

/** Named fleet sizes: `--fleet 300k` (about 2.5 h and 60 GB of free disk on the 2-core VM, see docs/scaling.md). */
const FLEETS: Record<string, { clients: number; hosts: number; days: number }> = {
  "100k": { clients: 100_000, hosts: 20, days: 90 },
  "300k": { clients: 300_000, hosts: 50, days: 180 },
};

export function parseArgs(argv: string[]): BenchOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  if (argv.includes("--profile")) enableProfiling();
  // `--fleet 300k`: the proof run of issue #20 (300,000 clients, 50 hosts, 180 days); explicit flags still win.
  const fleet = get("fleet");
  if (fleet !== undefined && !(fleet in FLEETS)) throw new Error(`--fleet must be one of ${Object.keys(FLEETS).join(", ")}`);
  const preset = fleet === undefined ? undefined : FLEETS[fleet];
  const int = (name: string, fallback: number) => {
    const v = get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  return {
    quick,
    clients: int("clients", preset?.clients ?? (quick ? 5000 : 100_000)),
    hosts: int("hosts", preset?.hosts ?? 20),
    days: int("days", preset?.days ?? 90),
    runs: int("runs", 3),
    skip: new Set((get("skip") ?? "").split(",").filter(Boolean)),
    privateBuild: argv.includes("--private-build"),
  };
}
