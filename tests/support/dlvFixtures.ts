// Shared by the /dlv parser tests: fixture readers and checks. Not a test file itself.
import { readdirSync, readFileSync } from "node:fs";
import { parsedProductSchema, type ParsedProduct, type ParseResult } from "../../lib/kms/parsed";
import { parseDlv } from "../../lib/ingest/parse/dlv";
import { LOCAL_FIXTURES, SHARED_FIXTURES } from "@/tests/support/fixtures";

export const SHARED = `${SHARED_FIXTURES}/dlv/`;
export const LOCAL = `${LOCAL_FIXTURES}/dlv/`;

export const shared = (f: string) => readFileSync(SHARED + f, f.includes(".cp850.") ? "latin1" : "utf8");
export const local = (f: string) => readFileSync(LOCAL + f, "utf8");

export function ok(r: ParseResult<ParsedProduct[]>) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  for (const p of r.value) parsedProductSchema.parse(p);
  return r;
}
export const one = (text: string): ParsedProduct => {
  const [product, ...more] = ok(parseDlv(text)).value;
  if (!product || more.length > 0) throw new Error(`expected exactly one product, got ${more.length + (product ? 1 : 0)}`);
  return product;
};

/** Hard-wraps every line at `width` columns, exactly like a narrow console buffer. */
export function wrapAt(text: string, width: number): string {
  return text
    .split(/\r\n|\r|\n/)
    .flatMap((l) => {
      const out: string[] = [];
      for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
      return out.length ? out : [""];
    })
    .join("\r\n");
}

export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const SHARED_FILES = readdirSync(SHARED).filter((f) => f.endsWith(".txt"));
export const EN_FILES = SHARED_FILES.filter((f) => f.includes(".en-US."));
