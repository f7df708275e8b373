import { describe, expect, it } from "vitest";
import { attachmentHeaders, CSV_BOM, csvCell, csvLine, csvStream, toCsv, type CsvColumn } from "@/lib/read/export/csv";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("csvCell", () => {
  it("leaves plain values alone and writes empties for null", () => {
    expect(csvCell("kms01.corp.contoso.com")).toBe("kms01.corp.contoso.com");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(1688)).toBe("1688");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date("2026-11-25T10:00:00Z"))).toBe("2026-11-25T10:00:00.000Z");
    expect(csvCell(["a", "b"])).toBe("a; b");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
  });

  it("neutralises spreadsheet formulas in text but not numbers", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

type Row = { name: string; count: number | null };
const columns: CsvColumn<Row>[] = [
  { header: "name", value: (r) => r.name },
  { header: "count", value: (r) => r.count },
];

describe("toCsv / csvStream", () => {
  it("writes BOM, header and rows", () => {
    expect(toCsv(columns, [{ name: "x,y", count: 3 }])).toBe(`${CSV_BOM}name,count\r\n"x,y",3\r\n`);
  });

  it("streams every batch, the same bytes as toCsv", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ name: `m${i}`, count: i % 7 === 0 ? null : i }));
    async function* batches() {
      for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
    }
    const text = await readAll(csvStream(columns, batches()));
    // TextDecoder (Response.text) strips the BOM; compare bytes instead.
    expect(`${CSV_BOM}${text}`).toBe(toCsv(columns, rows));
    const bytes = new Uint8Array(await new Response(csvStream(columns, batches())).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes only the header for no rows", async () => {
    async function* none(): AsyncGenerator<Row[]> {}
    expect(await readAll(csvStream(columns, none()))).toBe("name,count\r\n");
  });

  it("pulls lazily and releases the source when the download is cancelled", async () => {
    let pulled = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          pulled += 1;
          yield [{ name: "m", count: pulled }];
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(columns, endless()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(5);
  });
});

describe("attachmentHeaders", () => {
  it("names the file and forbids caching", () => {
    const headers = attachmentHeaders("clients", "csv", "text/csv; charset=utf-8", new Date("2026-11-25T10:00:00Z"));
    expect(headers["content-disposition"]).toBe('attachment; filename="kmswatch-clients-2026-11-25.csv"');
    expect(headers["cache-control"]).toBe("no-store");
  });
});
