// `npm run dev` / `npm start`: the app on DATABASE_URL, or on an embedded PostgreSQL under
// ./.kmswatch/ when DATABASE_URL is unset; migrations applied first, database stopped on exit.
import path from "node:path";
import { envSchema } from "../lib/env.ts";
import { startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db.ts";
import { migrate } from "./lib/migrate.ts";
import { buildIfNeeded, startNext } from "./lib/next-process.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);
const root = path.resolve(import.meta.dirname, "..");

let embedded: EmbeddedDb | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  embedded = await startEmbeddedDb({ dataDir: path.join(root, ".kmswatch", "pg"), persistent: true });
  databaseUrl = embedded.url;
}
const shutdown = async (code: number) => {
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
};

try {
  const config = envSchema.safeParse({ ...process.env, DATABASE_URL: databaseUrl });
  if (!config.success) throw new Error(config.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  if (!config.data.KMSWATCH_ENROLL_SECRET) console.warn("[app] KMSWATCH_ENROLL_SECRET is not set: agents cannot enroll");
  await migrate(databaseUrl);
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  if (mode === "start") buildIfNeeded(env);
  const server = await startNext({ mode, port, host: process.env.HOST ?? "0.0.0.0", env });
  console.log(`[app] kmswatch is up at http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      await server.stop();
      await shutdown(0);
    });
  }
  server.child.on("exit", (code) => void shutdown(code ?? 1));
} catch (error) {
  console.error(`[app] ${(error as Error).message}`);
  await shutdown(1);
}
