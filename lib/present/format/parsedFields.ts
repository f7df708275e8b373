// Parse preview: which fields to show (those any item has a value for) and how to print a value.

export type FieldRecord = Record<string, unknown>;

/** Field names with a non-null value in at least one item, in the order of the first item that has them. */
export function presentFields(items: readonly FieldRecord[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (value !== null && value !== undefined && value !== "") seen.add(key);
    }
  }
  return [...seen];
}

export function formatFieldValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" || typeof value === "string") return String(value);
  return JSON.stringify(value);
}

/** "licenseStatus" -> "license status", "kmsHostIp" -> "KMS host IP". */
export function fieldLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words
    .replace(/\bkms\b/g, "KMS")
    .replace(/\bip\b/g, "IP")
    .replace(/\bcmid\b/g, "CMID")
    .replace(/\bpid\b/g, "PID")
    .replace(/\bid\b/g, "ID")
    .replace(/\bsku\b/g, "SKU")
    .replace(/\bmin\b/g, "(min)");
}
