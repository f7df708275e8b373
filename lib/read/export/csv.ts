// CSV writer for the dashboard exports: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM so Excel
// reads accents correctly, and formula-injection neutralisation (a hostname or event text that
// starts with "=" must not run as a formula when ops open the file in a spreadsheet).
// Pure: rows come from any async iterable of batches, so the database side can stream.
import "server-only";

export type CsvValue = string | number | boolean | Date | null | undefined | readonly string[];
export type CsvColumn<T> = { header: string; value: (row: T) => CsvValue };

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

// OWASP's list: = + - @ start a formula; tab and CR can smuggle one past a naive check.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function text(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}

/** One cell: text values that look like formulas get a leading quote; numbers are data, never formulas. */
export function csvCell(value: CsvValue): string {
  let cell = text(value);
  if (typeof value !== "number" && typeof value !== "boolean" && FORMULA_START.test(cell)) cell = `'${cell}`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The whole file as text (tests, small tables); BOM and header line included. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return CSV_BOM + csvLine(columns.map((c) => c.header)) + rows.map((r) => csvLine(columns.map((c) => c.value(r)))).join("");
}

/**
 * A byte stream of the CSV, pulling one batch at a time from `batches` only when the reader asks
 * for more (backpressure), so memory holds one batch however long the table. Cancelling the
 * stream (the browser aborted the download) returns the iterator, which closes its cursor.
 */
export function csvStream<T>(columns: readonly CsvColumn<T>[], batches: AsyncIterable<readonly T[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(columns.map((c) => c.header))));
        return;
      }
      try {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        const body = next.value.map((row) => csvLine(columns.map((c) => c.value(row)))).join("");
        if (body) controller.enqueue(encoder.encode(body));
      } catch (error) {
        // Headers are long gone: the only honest signal left is an aborted download.
        console.error("[export] CSV stream failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** `attachment; filename="kmswatch-clients-2026-11-25.csv"` (names are ASCII, so no RFC 5987 encoding is needed). */
export function attachmentHeaders(base: string, extension: string, contentType: string, now = new Date()): Record<string, string> {
  return {
    "content-type": contentType,
    "content-disposition": `attachment; filename="kmswatch-${base}-${now.toISOString().slice(0, 10)}.${extension}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
