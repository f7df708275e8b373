import { describe, expect, it } from "vitest";
import { parseDlv } from "@/lib/ingest/parse/dlv";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_FIXTURES } from "../../tests/support/fixtures";
import { type ProductColumnValues, productColumns, slimParsed, storedProductOf } from "./storedProduct";
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
      expect(storedProductOf(columnsOf(p), slim)).toEqual(p);
    }
  });

  it("reads rows stored before (full jsonb) the same way", () => {
    for (const p of products) expect(storedProductOf(columnsOf(p), p)).toEqual(p);
  });
});
