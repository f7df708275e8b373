// Rows in PostgreSQL's COPY text format: one line per row, columns separated by tabs, NULL as \N.
import { storableText } from "@/lib/ingest/json";

export type CopyValue = string | number | boolean | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r\u0000]/;

/** One value: backslash, tab, newline and carriage return escaped; NUL (which text cannot hold) made storable. */
export function copyValue(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  // Most values (an event's whole XML included) need no escape: one scan instead of a replace pass.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return storableText(value).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** One row as a COPY text line (newline-terminated). */
export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyValue).join("\t")}\n`;
}
