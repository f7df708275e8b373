// `npm run user:create -- --email ops@example.com --password '...' [--role admin|viewer] [--name "Ops"]`
// Uses DATABASE_URL, or the embedded database under ./.kmswatch/pg when it is unset.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startEmbeddedDb, type EmbeddedDb } from "./lib/embedded-db.ts";
import { migrate } from "./lib/migrate.ts";
import { ROOT } from "./lib/app.ts";
import { localSessionSecret } from "./lib/runtime-env.ts";

const argsSchema = z.object({
  email: z.email("--email must be an e-mail address"),
  password: z.string().min(8, "--password must be at least 8 characters"),
  role: z.enum(["admin", "viewer"]).default("admin"),
  name: z.string().optional(),
});

const { values } = parseArgs({
  options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
});
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((i) => i.message).join("\n"));
  process.exit(1);
}
let embedded: EmbeddedDb | undefined;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedDb({ dataDir: path.join(ROOT, ".kmswatch", "pg"), persistent: true, log: () => undefined });
  process.env.DATABASE_URL = embedded.url;
}
process.env.KMSWATCH_SESSION_SECRET ??= localSessionSecret(ROOT);
try {
  await migrate(process.env.DATABASE_URL, () => undefined);
  const { createUser } = await import("../lib/access/auth/users.ts");
  const user = await createUser(args.data);
  console.log(`user ${user.email} (${user.role}) is ready: sign in at /login`);
} finally {
  await embedded?.stop();
}
process.exit(0);
