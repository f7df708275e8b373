import { describe, expect, it } from "vitest";
import { parseDlv } from "@/lib/ingest/parse/dlv";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_FIXTURES } from "../../tests/support/fixtures";
import {
  backfillOnlyParsedFields,
  hostRowOnlyParsedFields,
  type ProductColumnValues,
  productColumns,
  slimParsed,
  sqlReadParsedFields,
  storedParsedParts,
  storedProductOf,
} from "./storedProduct";
import type { ParsedProduct } from "./parsed";

const columnsOf = (p: ParsedProduct) =>
  Object.fromEntries(
    Object.entries(productColumns).map(([field, column]) => [column, p[field as keyof ParsedProduct]]),
  ) as ProductColumnValues;

describe("stored product", () => {
  const products = ["kms-host-healthy.en-US.txt", "client-kms-licensed-dns.en-US.txt", "client-office16-kms-licensed.en-US.txt"].flatMap(
    (name) => {
      const parsed = parseDlv(readFileSync(path.join(SHARED_FIXTURES, "dlv", name), "utf8"));
      return parsed.ok ? parsed.value : [];
    },
  );

  it("keeps no field a column holds and no null, and rebuilds the whole product from columns + slim jsonb", () => {
    expect(products.length).toBeGreaterThan(1);
    for (const p of products) {
      const slim = slimParsed(p);
      expect(Object.keys(slim).filter((k) => k in productColumns)).toEqual([]);
      expect(Object.values(slim)).not.toContain(null);
      expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(p).length / 2);
      expect(storedProductOf(columnsOf(p), slim, null)).toEqual(p);
    }
  });

  it("reads rows stored before (full jsonb) the same way", () => {
    for (const p of products) expect(storedProductOf(columnsOf(p), p, null)).toEqual(p);
  });

  it("stores in jsonb only the fields SQL reads, packs the rest, and rebuilds the whole product from the three", () => {
    for (const p of products) {
      const { parsed, packed } = storedParsedParts(p);
      expect(Object.keys(parsed).every((k) => sqlReadParsedFields.includes(k))).toBe(true);
      expect(packed).not.toBeNull();
      expect(packed!.length).toBeLessThan(JSON.stringify(slimParsed(p)).length / 3);
      expect(storedProductOf(columnsOf(p), parsed, packed)).toEqual(p);
    }
  });

  it("lists every field a query reads out of parsed (else the query would find it packed, as null)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && /\.(ts|sql)$/.test(e.name) && !e.name.endsWith(".test.ts") && !e.parentPath.includes("generated"))
        .map((e) => path.join(e.parentPath, e.name));
    const read = new Set<string>();
    // Where a packed-for-clients or packed-everywhere field is read, that read must still find it in the jsonb.
    const misread: string[] = [];
    for (const file of [...sources(path.join(root, "lib")), ...sources(path.join(root, "prisma/migrations"))]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/parsed\s*->>?\s*'(\w+)'/g)) {
        const field = m[1]!;
        read.add(field);
        // A host-only field: the statement around the read filters KMS hosts' rows.
        const statement = text.slice(Math.max(0, m.index - 600), m.index + 600);
        if (hostRowOnlyParsedFields.includes(field) && !/\bis_kms_host\b/.test(statement)) misread.push(`${field} in ${file}`);
        // A backfill-only field: read by a migration older than the code that stopped keeping it in the jsonb.
        const migration = /prisma\/migrations\/(\d{14})_/.exec(file)?.[1];
        if (backfillOnlyParsedFields.includes(field) && !(migration && migration < "20261205120000")) misread.push(`${field} in ${file}`);
      }
    }
    expect(read.size).toBeGreaterThan(4);
    expect([...read].filter((field) => !sqlReadParsedFields.includes(field))).toEqual([]);
    expect(read).toContain("extendedPid");
    expect(misread).toEqual([]);
  });

  it("packs a client's own and its KMS host's ePID, and keeps a host's own ePID in the jsonb for SQL", () => {
    const client = products.find((p) => !p.isKmsHost && p.kmsHostExtendedPid !== null && p.extendedPid !== null);
    const host = products.find((p) => p.isKmsHost && p.extendedPid !== null);
    expect(client && host).toBeTruthy();
    const clientParts = storedParsedParts(client!);
    expect(Object.keys(clientParts.parsed)).not.toContain("extendedPid");
    expect(Object.keys(clientParts.parsed)).not.toContain("kmsHostExtendedPid");
    expect(storedProductOf(columnsOf(client!), clientParts.parsed, clientParts.packed)).toEqual(client);
    const hostParts = storedParsedParts(host!);
    expect(hostParts.parsed.extendedPid).toBe(host!.extendedPid);
    expect(storedProductOf(columnsOf(host!), hostParts.parsed, hostParts.packed)).toEqual(host);
  });
});
