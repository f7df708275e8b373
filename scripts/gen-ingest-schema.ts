// Generates agents/ingest-envelope.schema.json from the server's zod ingestRequestSchema, so the
// PowerShell agent (which cannot import TypeScript) is held to the same contract as the Node agent.
// `npm run agent:schema` rewrites the file; a test fails when the committed copy is stale.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ingestRequestSchema } from "../lib/kms/protocol.ts";

export const INGEST_SCHEMA_FILE = path.resolve(import.meta.dirname, "../agents/ingest-envelope.schema.json");

export function generateIngestSchema(): string {
  // "input": what an agent may send (fields with defaults stay optional).
  const schema = z.toJSONSchema(ingestRequestSchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
  const document = { title: "kmswatch ingest request (POST /api/v1/ingest)", ...schema };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(INGEST_SCHEMA_FILE, generateIngestSchema());
  console.log(`wrote ${path.relative(process.cwd(), INGEST_SCHEMA_FILE)}`);
}
