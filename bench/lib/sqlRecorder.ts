// Records the SQL the dashboard queries run (text, values, duration) by wrapping `query` on the app's own
// pool in this process. Prisma's adapter and queryRows both run their statements there, so the bench
// EXPLAINs exactly what the server runs, without copying it. Install before anything queries.
export type RecordedQuery = { text: string; values: unknown[]; ms: number };

const recorded: RecordedQuery[] = [];

export async function installRecorder(): Promise<void> {
  const { dbPool } = await import("../../lib/core/db");
  const pool = dbPool() as unknown as { query: (...args: unknown[]) => unknown };
  const query = pool.query.bind(pool);
  pool.query = (...args: unknown[]) => {
    const [first, second] = args;
    const text = typeof first === "string" ? first : (first as { text?: unknown } | null)?.text;
    const values = typeof first === "string" ? second : (first as { values?: unknown }).values;
    const t0 = performance.now();
    const result = query(...args);
    if (typeof text === "string" && result instanceof Promise) {
      result.then(
        () => recorded.push({ text, values: Array.isArray(values) ? values : [], ms: performance.now() - t0 }),
        () => undefined,
      );
    }
    return result;
  };
}

/** Runs `fn` and returns the statements it issued. */
export async function captureQueries(fn: () => Promise<unknown>): Promise<{ ms: number; queries: RecordedQuery[] }> {
  const start = recorded.length;
  const t0 = performance.now();
  await fn();
  return { ms: performance.now() - t0, queries: recorded.slice(start) };
}
