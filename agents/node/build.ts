// Bundles the agent into one dependency-free file (zod included) for `node kmswatch-agent.mjs`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const AGENT_ENTRY = path.join(HERE, "src", "main.ts");
export const AGENT_BUNDLE = path.join(HERE, "dist", "kmswatch-agent.mjs");

export async function buildAgent(outfile = AGENT_BUNDLE): Promise<string> {
  await build({
    entryPoints: [AGENT_ENTRY],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
    // The Windows agent's TPM / OSLicense collection, run by the Node agent on Windows (src/readiness.ts).
    define: { __KMSWATCH_READINESS_PS1__: JSON.stringify(readFileSync(path.join(HERE, "../windows/lib/Readiness.ps1"), "utf8")) },
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`built ${path.relative(process.cwd(), await buildAgent())}`);
}
