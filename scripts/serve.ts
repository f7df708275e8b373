// `npm run dev` / `npm start`: the app on DATABASE_URL, or on an embedded PostgreSQL under
// ./.kmswatch/ when DATABASE_URL is unset; migrations applied first, database stopped on exit.
import path from "node:path";
import { ROOT, startApp, stopOnSignals } from "./lib/app.ts";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = Number(process.env.PORT ?? 3000);

try {
  const app = await startApp({ mode, port, host: process.env.HOST ?? "0.0.0.0", dataDir: path.join(ROOT, ".kmswatch", "pg") });
  console.log(`[app] kmswatch is up at http://localhost:${port}`);
  stopOnSignals(app);
} catch (error) {
  console.error(`[app] ${(error as Error).message}`);
  process.exit(1);
}
