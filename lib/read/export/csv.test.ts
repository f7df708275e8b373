import { describe, expect, it } from "vitest";
import { attachmentHeaders, CSV_BOM, csvCell, csvLine, csvStream, toCsv, type CsvColumn, type CsvValue } from "@/lib/read/export/csv";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const cells: [rule: string, value: CsvValue, cell: string][] = [
  ["plain values stay as they are", "kms01.corp.contoso.com", "kms01.corp.contoso.com"],
  ["null is an empty cell", null, ""],
  ["undefined is an empty cell", undefined, ""],
  ["numbers stay as they are", 1688, "1688"],
  ["booleans stay as they are", false, "false"],
  ["dates are ISO 8601", new Date("2026-11-25T10:00:00Z"), "2026-11-25T10:00:00.000Z"],
  ["lists are joined with '; '", ["a", "b"], "a; b"],
  ["commas are quoted (RFC 4180)", "a,b", '"a,b"'],
  ["quotes are doubled and quoted (RFC 4180)", 'say "hi"', '"say ""hi"""'],
  ["CRLF is quoted (RFC 4180)", "line1\r\nline2", '"line1\r\nline2"'],
  ["LF is quoted (RFC 4180)", "line1\nline2", '"line1\nline2"'],
  ["a formula in text is neutralised", '=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
  ["a leading + in text is neutralised", "+1", "'+1"],
  ["a leading - in text is neutralised", "-cmd", "'-cmd"],
  ["a leading @ in text is neutralised", "@SUM(A1)", "'@SUM(A1)"],
  ["a leading tab in text is neutralised", "\tx", "'\tx"],
  ["a negative number is not a formula", -5, "-5"],
  ["an = inside text is not a formula", "a=b", "a=b"],
];

describe("csvCell", () => {
  it.each(cells)("%s", (_rule, value, cell) => {
    expect(csvCell(value)).toBe(cell);
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
