// `npm run db:migrate`: apply committed migrations to DATABASE_URL.
import { migrate } from "./lib/migrate.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run dev/start migrate the embedded database by themselves).");
  process.exit(1);
}
const applied = await migrate(url);
console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
