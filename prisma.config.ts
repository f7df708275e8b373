// Prisma CLI configuration. The URL is read straight from the environment because the
// `env()` helper throws when it is unset, and `prisma generate` must work without a database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
