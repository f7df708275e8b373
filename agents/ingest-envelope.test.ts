// Both agents must send exactly what the server accepts: the committed JSON Schema is generated from
// the server's zod schema, and the Node agent's real --dry-run output and the PowerShell agent's
// sample payload are checked against it (through zod: z.fromJSONSchema, no extra validator).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ingestRequestSchema, knownArtifactSchema } from "../lib/protocol";
import { generateIngestSchema, INGEST_SCHEMA_FILE } from "../scripts/gen-ingest-schema";
import { buildAgent } from "./node/build";
import { testTempDir } from "./node/tempDir";

const ROOT = path.resolve(import.meta.dirname, "..");
const CAPTURES = path.join(ROOT, "tests/fixtures/agent");
const WINDOWS_SAMPLE = path.join(CAPTURES, "windows-payload.sample.json");
const committed: unknown = JSON.parse(readFileSync(INGEST_SCHEMA_FILE, "utf8"));

let bundle = "";
beforeAll(async () => {
  bundle = await buildAgent(path.join(testTempDir("bundle"), "kmswatch-agent.mjs"));
}, 60_000);

function dryRun(dir: string): unknown {
  const out = execFileSync(process.execPath, [bundle, "--from-dir", dir, "--dry-run", "--no-probe"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out);
}

/** Valid for the server, against the committed JSON Schema, and made only of known artifact types. */
function expectValid(payload: unknown): void {
  expect(z.fromJSONSchema(committed as Parameters<typeof z.fromJSONSchema>[0]).safeParse(payload).error).toBeUndefined();
  expect(ingestRequestSchema.safeParse(payload).error).toBeUndefined();
  // The generated schema lets unknown types through (for newer agents); ours must send known ones.
  for (const artifact of (payload as { artifacts: unknown[] }).artifacts) expect(knownArtifactSchema.safeParse(artifact).error).toBeUndefined();
}

const shape = (payload: unknown) =>
  Object.fromEntries((payload as { artifacts: Record<string, unknown>[] }).artifacts.map((a) => [String(a.type), Object.keys(a).sort()]));

describe("ingest envelope schema", () => {
  it("the committed agents/ingest-envelope.schema.json equals a fresh generation (npm run agent:schema)", () => {
    expect(readFileSync(INGEST_SCHEMA_FILE, "utf8")).toBe(generateIngestSchema());
  });

  it("the Node agent's --dry-run output validates for every captured directory", () => {
    const dirs = readdirSync(CAPTURES, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.length).toBeGreaterThanOrEqual(3);
    for (const dir of dirs) expectValid(dryRun(path.join(CAPTURES, dir.name)));
  });

  it("the PowerShell agent's payload sample validates and has the Node agent's shape", () => {
    const sample: unknown = JSON.parse(readFileSync(WINDOWS_SAMPLE, "utf8"));
    expectValid(sample);
    const node = shape(dryRun(path.join(CAPTURES, "client-ws-fin-0142")));
    const windows = shape(sample);
    for (const type of ["dlv", "cim", "events"]) expect(windows[type]).toEqual(node[type]);
    expect(Object.keys(sample as object)).toEqual(["collectedAt", "agentVersion", "artifacts"]);
  });

  it("the sample's keys are the ones the PowerShell script writes", () => {
    const lib = readdirSync(path.join(ROOT, "agents/windows/lib")).map((f) => `lib/${f}`);
    const scripts = ["kmswatch-agent.ps1", ...lib].map((f) => readFileSync(path.join(ROOT, "agents/windows", f), "utf8")).join("\n");
    const sample = JSON.parse(readFileSync(WINDOWS_SAMPLE, "utf8")) as { artifacts: Record<string, unknown>[] };
    const keys = new Set(["collectedAt", "agentVersion", "artifacts"]);
    for (const a of sample.artifacts) {
      if (a.type === "cim") keys.add("service").add("products");
      else for (const k of Object.keys(a)) keys.add(k);
    }
    for (const probeKey of ["target", "port", "priority", "weight", "host", "source", "ok", "latencyMs", "error"]) keys.add(probeKey);
    for (const key of keys) expect(scripts, `PowerShell writes "${key} ="`).toMatch(new RegExp(`\\b${key}\\s*=`));
  });

  it("a broken payload is refused by the committed schema", () => {
    const bad = { collectedAt: "yesterday", agentVersion: "", artifacts: [{ type: "events", log: "System", xml: "" }] };
    expect(z.fromJSONSchema(committed as Parameters<typeof z.fromJSONSchema>[0]).safeParse(bad).success).toBe(false);
  });
});
