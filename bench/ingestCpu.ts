// CPU time of process trees, from /proc: what an ingest phase cost the server (its worker threads included)
// and PostgreSQL, whatever else the machine was running. The bench VM is shared, so events per second swing
// with other people's load; CPU milliseconds per 1,000 events move far less and compare HTTP with COPY directly.
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ). */
const MS_PER_TICK = 10;

type ProcStat = { parent: number; cpuMs: number };

function procStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // After the command name in parentheses (which may hold spaces): state, ppid, … utime (14th), stime (15th),
      // then cutime and cstime: the CPU of its children that ended and were reaped. Counted too, or a PostgreSQL
      // backend closed during a run (a pool's idle timeout) took its CPU out of the total (one run read 2 ms per
      // 1,000 events for the database).
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      stats.set(Number(entry), { parent: Number(fields[1]), cpuMs: ticks * MS_PER_TICK });
    } catch {
      // The process ended meanwhile.
    }
  }
  return stats;
}

/** CPU milliseconds used so far by `root` and every process below it, those that ended included. */
export function treeCpuMs(root: number | undefined): number {
  if (root === undefined) return NaN;
  const stats = procStats();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats)
      if (!tree.has(pid) && tree.has(s.parent)) {
        tree.add(pid);
        grew = true;
      }
  }
  let total = 0;
  for (const pid of tree) total += stats.get(pid)?.cpuMs ?? 0;
  return total;
}

/** The PostgreSQL server's main process (the parent of this pool's backends). */
export async function postmasterPid(pool: pg.Pool): Promise<number | undefined> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const backend = rows[0]?.pid;
  return backend === undefined ? undefined : procStats().get(backend)?.parent;
}

/** CPU milliseconds per 1,000 items (`work` returns how many it handled) of the server and of PostgreSQL. */
export async function cpuPerThousand(
  roots: { server: number | undefined; database: number | undefined },
  work: () => Promise<number>,
): Promise<{ server: number; database: number }> {
  const before = { server: treeCpuMs(roots.server), database: treeCpuMs(roots.database) };
  const items = await work();
  const per = (ms: number) => (ms / items) * 1000;
  return { server: per(treeCpuMs(roots.server) - before.server), database: per(treeCpuMs(roots.database) - before.database) };
}
