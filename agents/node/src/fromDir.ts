// Collector for captured artifacts (tests, demos, machines where an operator copied the outputs):
// reads the same raw material the Windows collector gathers, from files.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { CimCollection, RawCollection } from "./collection.ts";
import { osLicenseArtifactSchema, tpmArtifactSchema, type OSLicenseArtifact, type TpmArtifact } from "./readiness.ts";

const read = (file: string) => readFileSync(file, "utf8").replace(/^\uFEFF/, "");

function listFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => path.join(dir, name));
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** PowerShell's ConvertTo-Json prints a single product as an object, several as an array. */
function asObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(read(file));
  } catch (error) {
    throw new Error(`${file}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readCim(files: string[]): CimCollection | null {
  let service: JsonObject | null = null;
  const products: JsonObject[] = [];
  let found = false;
  for (const file of files) {
    const name = path.basename(file);
    if (name === "cim.json") {
      const value = readJson(file);
      if (!isObject(value)) throw new Error(`${file}: expected {"service": {...}, "products": [...]}`);
      service = isObject(value.service) ? value.service : service;
      products.push(...asObjects(value.products));
      found = true;
    } else if (name.endsWith(".SoftwareLicensingService.json")) {
      const [first] = asObjects(readJson(file));
      service = first ?? service;
      found = true;
    } else if (name.endsWith(".SoftwareLicensingProduct.json")) {
      products.push(...asObjects(readJson(file)));
      found = true;
    }
  }
  return found ? { service, products } : null;
}

/** `tpm.json` (one tpm artifact) and `oslicense.json` (an array of oslicense artifacts), as the agents send them. */
function readReadiness(dir: string): { tpm: TpmArtifact | null; oslicense: OSLicenseArtifact[] } {
  const tpmFile = path.join(dir, "tpm.json");
  const osFile = path.join(dir, "oslicense.json");
  const check = <T>(
    file: string,
    parse: (v: unknown) => { success: boolean; data?: T; error?: { message: string } },
    value: unknown,
  ): T => {
    const parsed = parse(value);
    if (!parsed.success) throw new Error(`${file}: not an artifact of the agreed shape (${parsed.error?.message})`);
    return parsed.data as T;
  };
  const tpm = existsSync(tpmFile) ? check<TpmArtifact>(tpmFile, (v) => tpmArtifactSchema.safeParse(v), readJson(tpmFile)) : null;
  const oslicense = existsSync(osFile)
    ? asObjects(readJson(osFile)).map((v) => check<OSLicenseArtifact>(osFile, (x) => osLicenseArtifactSchema.safeParse(x), v))
    : [];
  return { tpm, oslicense };
}

/** Reads `*.dlv.txt` / `dlv*.txt`, CIM JSON (top level or `cim/`), event XML (top level or `events/`), `tpm.json`, `oslicense.json`. */
export function collectFromDir(dir: string): RawCollection {
  if (!existsSync(dir)) throw new Error(`--from-dir ${dir} does not exist`);
  const top = listFiles(dir);
  const dlv = top.filter((f) => /(\.dlv\.txt|^dlv.*\.txt)$/i.test(path.basename(f))).map(read);
  const cim = readCim([...top, ...listFiles(path.join(dir, "cim"))]);
  const eventTexts = [...top, ...listFiles(path.join(dir, "events"))].filter((f) => /\.xml$/i.test(f)).map(read);
  return { dlv, cim, eventTexts, domain: null, ...readReadiness(dir) };
}
