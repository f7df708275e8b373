// Postgres text and jsonb cannot hold NUL characters; these helpers keep what is stored storable.

const NUL = /\u0000/g;

/** Text stored as is, except NUL, which becomes U+FFFD (the raw input is also kept losslessly in quarantine when it fails to parse). */
export function storableText(text: string): string {
  return text.includes("\u0000") ? text.replace(NUL, "\uFFFD") : text;
}

/** JSON text of rows for a bulk `json_to_recordset` insert, every string made storable. */
export function storableRowsJson(rows: readonly object[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === "string" ? storableText(value) : value));
}
