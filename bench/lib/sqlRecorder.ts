// Records the raw SQL the dashboard queries run (text, values, duration) by wrapping the app's own
// Prisma client in this process: the bench calls lib/queries/* directly and so EXPLAINs exactly the
// statements the server runs, without copying them. Install before anything calls db().
import { Prisma } from "../../lib/generated/prisma/client";

export type RecordedQuery = { text: string; values: unknown[]; ms: number };

const recorded: RecordedQuery[] = [];

export async function installRecorder(): Promise<void> {
  const { db } = await import("../../lib/db");
  const real = db();
  const target = real as unknown as Record<string | symbol, unknown>;
  const queryRaw = async (strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = Array.isArray(strings) ? Prisma.sql(strings as TemplateStringsArray, ...values) : (strings as Prisma.Sql);
    const t0 = performance.now();
    const result = await (real.$queryRaw as (s: unknown, ...v: unknown[]) => Promise<unknown>)(strings, ...values);
    recorded.push({ text: sql.text, values: sql.values, ms: performance.now() - t0 });
    return result;
  };
  const proxy = new Proxy(target, {
    get(obj, prop) {
      if (prop === "$queryRaw") return queryRaw;
      const value = Reflect.get(obj, prop, obj);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
  (globalThis as unknown as { kmswatchDb?: unknown }).kmswatchDb = proxy;
}

/** Runs `fn` and returns the raw queries it issued. */
export async function captureQueries(fn: () => Promise<unknown>): Promise<{ ms: number; queries: RecordedQuery[] }> {
  const start = recorded.length;
  const t0 = performance.now();
  await fn();
  return { ms: performance.now() - t0, queries: recorded.slice(start) };
}
