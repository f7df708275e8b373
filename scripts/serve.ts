// `npm run dev` / `npm start`: the app on DATABASE_URL, or on an embedded PostgreSQL under
// ./.kmswatch/ when DATABASE_URL is unset; migrations applied first, database stopped on exit.
import path from "node:path";
import { ROOT, startApp, stopOnSignals } from "./lib/app.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);

try {
  // KMSWATCH_DATA_DIR: where the embedded PostgreSQL keeps its data (when DATABASE_URL is unset).
  const dataDir = process.env.KMSWATCH_DATA_DIR ?? path.join(ROOT, ".kmswatch", "pg");
  const app = await startApp({ mode, port, host: process.env.HOST ?? "0.0.0.0", dataDir });
  console.log(`[app] kmswatch is up at http://localhost:${port}`);
  stopOnSignals(app);
} catch (error) {
  // Whatever was thrown (a library may reject with nothing at all), the message says what went wrong.
  console.error(`[app] could not start: ${error instanceof Error ? error.message : String(error ?? "unknown error")}`);
  process.exit(1);
}
