// Both agents must send exactly what the server accepts: the committed JSON Schema is generated from
// the server's zod schema, and both agents' real dry-run output (the Node bundle, and
// kmswatch-agent.ps1 in pwsh with the Windows commands stood in for) is checked against it
// (through zod: z.fromJSONSchema, no extra validator).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ingestRequestSchema, knownArtifactSchema, osLicenseArtifactSchema, tpmArtifactSchema } from "../lib/kms/protocol";
import { generateIngestSchema, INGEST_SCHEMA_FILE } from "../scripts/gen-ingest-schema";
import { buildAgent } from "./node/build";
// The agents send exactly the server protocol's fields for the readiness artifacts.
import { testTempDir } from "./node/tempDir";
import { psMachine, startWindowsAgent } from "./windows/testing";

const ROOT = path.resolve(import.meta.dirname, "..");
const CAPTURES = path.join(ROOT, "tests/fixtures/agent");
const committed: unknown = JSON.parse(readFileSync(INGEST_SCHEMA_FILE, "utf8"));

let bundle = "";
beforeAll(async () => {
  bundle = await buildAgent(path.join(testTempDir("bundle"), "kmswatch-agent.mjs"));
}, 60_000);

function dryRun(dir: string): unknown {
  const out = execFileSync(process.execPath, [bundle, "--from-dir", dir, "--dry-run", "--no-probe"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

/** The Windows agent's -DryRun payload for a captured machine (a KMS host with TPM and OSLicense). */
async function psDryRun(capture: string): Promise<unknown> {
  const result = await startWindowsAgent(psMachine(capture, "psdry"), { DryRun: true }, { withTpm: true, withOSLicense: true });
  if (result.code !== 0) throw new Error(`kmswatch-agent.ps1 -DryRun exited ${result.code}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout.slice(result.stdout.indexOf("{")));
}

/** Valid for the server, against the committed JSON Schema, and made only of known artifact types. */
function expectValid(payload: unknown): void {
  expect(z.fromJSONSchema(committed as Parameters<typeof z.fromJSONSchema>[0]).safeParse(payload).error).toBeUndefined();
  expect(ingestRequestSchema.safeParse(payload).error).toBeUndefined();
  // The generated schema lets unknown types through (for newer agents); ours must send known ones.
  for (const artifact of (payload as { artifacts: { type: string }[] }).artifacts) {
    expect(knownArtifactSchema.safeParse(artifact).error).toBeUndefined();
  }
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

  it("the PowerShell agent's real -DryRun output validates for every captured directory, with the Node agent's shape", async () => {
    const dirs = readdirSync(CAPTURES, { withFileTypes: true }).filter((d) => d.isDirectory());
    const shapes: Record<string, ReturnType<typeof shape>> = {};
    for (const dir of dirs) {
      const windows = await psDryRun(dir.name);
      shapes[dir.name] = shape(windows);
      expectValid(windows);
      expect(Object.keys(windows as object)).toEqual(["collectedAt", "agentVersion", "artifacts"]);
      const node = shape(dryRun(path.join(CAPTURES, dir.name)));
      for (const type of ["dlv", "cim", "events"]) expect(shape(windows)[type], `${dir.name} ${type}`).toEqual(node[type]);
    }
    const host = shapes["host-kms01"]!;
    expect(host.tpm).toEqual(Object.keys(tpmArtifactSchema.shape).sort());
    expect(host.oslicense).toEqual(Object.keys(osLicenseArtifactSchema.shape).sort());
  }, 120_000);

  it("a broken payload is refused by the committed schema", () => {
    const bad = { collectedAt: "yesterday", agentVersion: "", artifacts: [{ type: "events", log: "System", xml: "" }] };
    expect(z.fromJSONSchema(committed as Parameters<typeof z.fromJSONSchema>[0]).safeParse(bad).success).toBe(false);
  });
});
