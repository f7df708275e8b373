// Reading fields by their shape when their label is unknown (another Windows language, a label mangled by a forum):
// a CMID is a GUID, an activation error is 0x + 8 hex digits, a partial product key is 5 key characters, a KMS
// host is name:port. Only lines the label parser did not understand are read, and each field only when it is still
// unknown, so a recognized label always wins. Every field read this way is named in `readByShape`. Pure.
import type { ParsedProduct } from "../../kms/parsed";
import { formatHresult } from "../../kms/hresults";
import { OFFICE_APP_ID, WINDOWS_APP_ID } from "../../kms/appIds";
import { editionName } from "../../kms/editions";

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HRESULT = /\b0x[0-9a-f]{8}\b/gi;
/** Product keys use 24 characters (no vowels, no 0/1/5): the last group after a separator, alone at the line's end. */
const PARTIAL_KEY = /[:=][\s`'"*]*([BCDFGHJKMPQRTVWXY2346789]{5})[\s`'"*]*$/;
const HOST_PORT = /(?:^|[\s:=(,'"`])((?:[a-z0-9_-]+\.)*[a-z][a-z0-9_-]*|\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})\b/i;

export type ShapeFields = {
  cmid: string | null;
  hresult: string | null;
  partialProductKey: string | null;
  kmsHost: string | null;
  kmsPort: number | null;
};

/** GUIDs that are never a CMID: the Windows and Office application IDs and the activation IDs kmswatch knows. */
function notCmid(guid: string): boolean {
  const g = guid.toLowerCase();
  return g === WINDOWS_APP_ID || g === OFFICE_APP_ID || editionName(g) !== null;
}

/** What the shapes of these lines say; a field with two different candidates is left unknown (ambiguous). */
export function readShapes(lines: readonly string[], exclude: readonly string[] = []): { fields: ShapeFields; ambiguous: string[] } {
  const excluded = new Set(exclude.map((x) => x.toLowerCase()));
  const cmids = new Set<string>();
  const hresults: string[] = [];
  const keys = new Set<string>();
  const hosts = new Map<string, number>();
  for (const raw of lines) {
    const line = raw.replace(/\\_/g, "_");
    for (const m of line.matchAll(GUID)) if (!notCmid(m[0]) && !excluded.has(m[0].toLowerCase())) cmids.add(m[0].toLowerCase());
    for (const m of line.matchAll(HRESULT)) {
      const code = formatHresult(m[0]);
      if (code && code !== "0x00000000") hresults.push(code);
    }
    const key = line.match(PARTIAL_KEY);
    if (key?.[1]) keys.add(key[1]);
    const host = line.match(HOST_PORT);
    const port = Number(host?.[2]);
    if (host?.[1] && port >= 1 && port <= 65535) hosts.set(host[1].toLowerCase(), port);
  }
  const ambiguous: string[] = [];
  const one = <T>(name: string, values: T[]): T | null => {
    if (values.length > 1) ambiguous.push(`${values.length} values could be the ${name}; none was taken`);
    return values.length === 1 ? (values[0] as T) : null;
  };
  const host = one("KMS host", [...hosts.entries()]);
  return {
    fields: {
      cmid: one("CMID", [...cmids]),
      // The last code written is the latest outcome (a /ato error pasted below a /dlv).
      hresult: hresults.at(-1) ?? null,
      partialProductKey: one("partial product key", [...keys]),
      kmsHost: host?.[0] ?? null,
      kmsPort: host?.[1] ?? null,
    },
    ambiguous,
  };
}

const labelOf: Record<keyof ShapeFields, string> = {
  cmid: "cmid (a GUID)",
  hresult: "hresult (0x + 8 hex digits: the last activation error)",
  partialProductKey: "partialProductKey (5 key characters)",
  kmsHost: "kmsHost (name:port)",
  kmsPort: "kmsPort (name:port)",
};

/**
 * Fills the unknown fields of the product a paste is about (the first client-side Windows product with a key, else
 * the first) from the unrecognized lines; returns the names of the fields read by shape.
 */
export function fillProductByShape(
  products: ParsedProduct[],
  unrecognized: readonly string[],
): { readByShape: string[]; warnings: string[] } {
  const target = products.find((p) => !p.isKmsHost && p.partialProductKey !== null) ?? products[0];
  if (!target || unrecognized.length === 0) return { readByShape: [], warnings: [] };
  const known = products.flatMap((p) => [p.activationId, p.applicationId, p.cmid].filter((x): x is string => x !== null));
  const { fields, ambiguous } = readShapes(unrecognized, known);
  const readByShape: string[] = [];
  for (const key of Object.keys(fields) as (keyof ShapeFields)[]) {
    const value = fields[key];
    if (value === null || target[key] !== null) continue;
    // A KMS host's own /dlv has no client-side host; an error code on it is the host's own activation error.
    if ((key === "kmsHost" || key === "kmsPort" || key === "cmid") && target.isKmsHost) continue;
    Object.assign(target, { [key]: value });
    readByShape.push(labelOf[key]);
  }
  return { readByShape, warnings: ambiguous };
}
